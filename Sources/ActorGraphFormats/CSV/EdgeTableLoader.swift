@_spi(Kernels) import ActorGraphCore

/// Loads a large edges table (`source,target[,type][,weight]…`) straight into an
/// ``AnalysisGraph``, without building an ``ActorGraph``: a byte-level parser, actor labels
/// interned in an open-addressing hash table over the bytes, and the CSR built in two passes.
/// Made for bulk data (hundreds of thousands of rows); quoted fields are not supported here
/// (use ``CSVGraph`` for general tables).
@_spi(Kernels) public enum EdgeTableLoader {
    public struct Result: Sendable {
        public var graph: AnalysisGraph
        /// Relation type of each row, in row order (nil when the table has no type column).
        public var rowTypes: [RelationType]?
    }

    /// - Parameters:
    ///   - directed: build a directed graph (else each row joins both ways).
    ///   - useWeights: take the `weight` column as edge weights (else every edge weighs 1).
    /// - Throws: ``DiagnosticsError`` naming the line when a row is malformed.
    /// - Complexity: O(bytes + V + E).
    public static func load(_ bytes: [UInt8], file: String, directed: Bool, useWeights: Bool = false) throws -> Result {
        func fail(_ line: Int, _ message: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: file, line: line, column: 1, message: message)])
        }
        var labels = LabelTable()
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = [], types: [RelationType] = []
        let estimate = bytes.count / 20
        sources.reserveCapacity(estimate); targets.reserveCapacity(estimate)
        return try bytes.withUnsafeBufferPointer { buffer -> Result in
            let n = buffer.count
            var i = 0
            // Header.
            var header: [String] = []
            var start = 0
            while i < n && buffer[i] != 0x0A { i += 1 }
            var end = i
            if end > 0 && buffer[end - 1] == 0x0D { end -= 1 }
            for field in buffer[start..<end].split(separator: 0x2C, omittingEmptySubsequences: false) {
                header.append(String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            }
            guard let sourceColumn = header.firstIndex(of: "source"), let targetColumn = header.firstIndex(of: "target") else {
                throw fail(1, "the header needs 'source' and 'target' columns (header: \(header.joined(separator: ",")))")
            }
            let typeColumn = header.firstIndex(of: "type")
            let weightColumn = useWeights ? header.firstIndex(of: "weight") : nil
            if useWeights && weightColumn == nil { throw fail(1, "no 'weight' column") }
            i += 1
            var line = 1
            while i < n {
                line += 1
                start = i
                while i < n && buffer[i] != 0x0A { i += 1 }
                end = i
                i += 1
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                if end == start { continue }
                var column = 0
                var fieldStart = start
                var s: Int32 = -1, t: Int32 = -1
                var weight = 1.0
                var type: RelationType?
                var k = start
                while k <= end {
                    if k == end || buffer[k] == 0x2C {
                        let field = UnsafeBufferPointer(rebasing: buffer[fieldStart..<k])
                        if column == sourceColumn { s = labels.intern(field) }
                        else if column == targetColumn { t = labels.intern(field) }
                        else if column == typeColumn {
                            guard let parsed = RelationType(rawValue: String(decoding: field, as: UTF8.self)) else {
                                throw fail(line, "unknown relation type '\(String(decoding: field, as: UTF8.self))'")
                            }
                            type = parsed
                        } else if column == weightColumn {
                            guard let parsed = Double(String(decoding: field, as: UTF8.self)) else {
                                throw fail(line, "invalid weight '\(String(decoding: field, as: UTF8.self))'")
                            }
                            weight = parsed
                        }
                        column += 1
                        fieldStart = k + 1
                    }
                    k += 1
                }
                guard s >= 0, t >= 0, column == header.count else {
                    throw fail(line, "row has \(column) cells but the header has \(header.count)")
                }
                sources.append(s); targets.append(t)
                if useWeights { weights.append(weight) }
                if let type { types.append(type) }
            }
            let ids = labels.labels()
            var edges: [(Int32, Int32, Double)] = []
            edges.reserveCapacity(sources.count)
            for e in 0..<sources.count { edges.append((sources[e], targets[e], useWeights ? weights[e] : 1)) }
            return Result(graph: AnalysisGraph(nodeIDs: ids, edges: edges, directed: directed),
                          rowTypes: typeColumn == nil ? nil : types)
        }
    }
}

/// Interns byte strings: an open-addressing table (FNV-1a, linear probing) over an arena.
struct LabelTable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var slots = [Int32](repeating: -1, count: 1 << 16)
    private var count = 0

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            let a = Int(starts[Int(id)]), b = Int(starts[Int(id) + 1])
            if b - a == bytes.count && arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + a, bytes.baseAddress!, bytes.count) == 0 }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        count += 1
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        slots[slot] = id
        if count * 2 > slots.count {
            // Grow and rehash.
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for existing in 0..<count {
                let a = Int(starts[existing]), b = Int(starts[existing + 1])
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for k in a..<b { h = (h ^ UInt64(arena[k])) &* 0x100_0000_01b3 }
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(existing)
            }
        }
        return id
    }

    func labels() -> [ActorID] {
        (0..<count).map { k in ActorID(String(decoding: arena[Int(starts[k])..<Int(starts[k + 1])], as: UTF8.self)) }
    }
}

import Foundation
