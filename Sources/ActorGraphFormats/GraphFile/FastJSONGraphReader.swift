import ActorGraphCore
import Foundation
import Synchronization

/// The fast path for clean JSON graph files: a byte-level reader that decodes the schema straight
/// into the model, without composing a node tree through Yams.
///
/// The exactness rule (docs/DECISIONS.md): it never changes a result. It returns the read only
/// when it is sure the Yams path would return the very same graph and diagnostics; on any doubt
/// it returns nil and ``GraphFileReader`` reads the file through Yams as before. Doubts are: input
/// that is not strict JSON, or JSON libyaml reads differently (``JSONScanner``); anything
/// ``GraphDecoder`` would report (``FastJSONDecoder``); the nesting heuristic of ``YAMLTree``
/// firing; a graph beyond ``InputLimits``; and any error of the validator or the corpus check.
/// Warnings (relations without evidence, self-relations) are kept, located by ``JSONPlaces``
/// exactly where libyaml would place their nodes.
enum FastJSONGraphReader {
    /// Reads the fast path returned (tests check that clean files take it).
    static let reads = Atomic<Int>(0)

    /// The read of `bytes` when the fast path is sure of it; nil to read through Yams.
    ///
    /// - Parameter acceptErrors: for tests only: locate errors too and throw them, as the Yams
    ///   path would, instead of doubting them.
    static func read(bytes: [UInt8], file: String, baseDirectory: URL?, options: GraphFileReader.Options,
                     acceptErrors: Bool = false) throws -> LoadedGraph? {
        guard let (graph, offsets) = decode(bytes) else { return nil }
        // Limits: the Yams path would throw the same, but only if it got this far; doubt instead.
        guard (try? InputLimits.graphFile.check(graph, file: file)) != nil else { return nil }
        let corpus = baseDirectory.map { CorpusCheck.corpusDirectory(for: graph, baseDirectory: $0) }
        let files = corpus.map { CorpusCheck.violations(of: graph, corpus: $0, verifyQuotes: options.verifyEvidence) }
        let violations = graph.validate(options: ValidationOptions(warnsWithoutEvidence: true)) + (files ?? [])
        if !acceptErrors, violations.contains(where: { $0.severity == .error }) { return nil }
        var warnings: [Diagnostic] = []
        if !violations.isEmpty {
            var map = SourceMap(file: file)
            map.locator = JSONPlaces(bytes: bytes, offsets: offsets, file: file).locate
            warnings = try map.diagnostics(of: violations).throwingErrors()
        }
        reads.add(1, ordering: .relaxed)
        return LoadedGraph(graph: graph, warnings: warnings, corpusDirectory: corpus)
    }

    /// The graph in `bytes`, when they are a JSON graph file the fast path is sure of.
    static func decode(_ bytes: [UInt8]) -> (ActorGraph, JSONElementOffsets)? {
        bytes.withUnsafeBufferPointer { buffer in
            let body = JSONPlaces.textStart(buffer)
            // JSON only: the first byte is `{` after spaces and line breaks (a tab there is an
            // error for libyaml).
            var i = body
            while i < buffer.count, buffer[i] == 0x20 || buffer[i] == 0x0A || buffer[i] == 0x0D { i += 1 }
            guard i < buffer.count, buffer[i] == UInt8(ascii: "{") else { return nil }
            guard !YAMLTree.isDeeperThan(YAMLTree.maxDepth, UnsafeBufferPointer(rebasing: buffer[body...])) else {
                return nil
            }
            var decoder = FastJSONDecoder(JSONScanner(buffer, from: i))
            guard let graph = try? decoder.decode() else { return nil }
            // Nothing may follow but spaces and line breaks.
            var end = decoder.s.pos
            while end < buffer.count, buffer[end] == 0x20 || buffer[end] == 0x0A || buffer[end] == 0x0D { end += 1 }
            guard end == buffer.count else { return nil }
            return (graph, decoder.offsets)
        }
    }
}

/// The places of a fast-read file's elements and fields, as ``NodeLocator`` finds them in the
/// node tree: an element's place is its `{`, a field's the first byte of its value, a list item
/// the `k`-th object of the list. Lines and columns are counted as libyaml counts them: from 1,
/// after a byte-order mark, a line break being LF, CR LF or CR, a column one Unicode scalar.
final class JSONPlaces {
    let bytes: [UInt8]
    let offsets: JSONElementOffsets
    let file: String
    /// The last place computed, to count on from (violations come mostly in file order).
    private var last: (offset: Int, line: Int, lineStart: Int)

    init(bytes: [UInt8], offsets: JSONElementOffsets, file: String) {
        self.bytes = bytes
        self.offsets = offsets
        self.file = file
        let start = bytes.withUnsafeBufferPointer(Self.textStart)
        last = (start, 1, start)
    }

    /// Where the text starts: after a UTF-8 byte-order mark, as ``TextInput`` drops it.
    static func textStart(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    }

    func locate(_ subject: GraphViolation.Subject) -> SourceMap.Location? {
        let element: Int?
        switch subject.element {
        case .graph: element = subject.field == nil ? nil : offsets.root
        case .document(let i): element = Int(offsets.documents[i])
        case .actor(let i): element = Int(offsets.actors[i])
        case .relation(let i): element = Int(offsets.relations[i])
        case .membership(let a, let k): element = item(k, of: "memberOf", in: Int(offsets.actors[a]))
        case .evidence(let r, let k): element = item(k, of: "evidence", in: Int(offsets.relations[r]))
        }
        guard let element else { return nil }
        let node = subject.field.flatMap { value($0, in: element) } ?? element
        return SourceMap.Location(file: file, place: place(node))
    }

    /// The offset of the value of `key` in the object at `object`.
    func value(_ key: String, in object: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var s = JSONScanner(buffer, from: object)
            let name = Array(key.utf8)
            guard (try? s.open(UInt8(ascii: "{"))) == true else { return nil }
            repeat {
                guard let k = try? s.key() else { return nil }
                if name.elementsEqual(UnsafeBufferPointer(start: s.base + k.start, count: k.count)) {
                    _ = s.peek()
                    return s.pos
                }
                guard (try? s.skipValue()) != nil else { return nil }
            } while (try? s.next(closing: UInt8(ascii: "{"))) == true
            return nil
        }
    }

    /// The offset of the `k`-th object in the list under `key` in the object at `object`.
    func item(_ k: Int, of key: String, in object: Int) -> Int? {
        guard let list = value(key, in: object) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var s = JSONScanner(buffer, from: list)
            guard s.peek() == UInt8(ascii: "["), (try? s.open(UInt8(ascii: "["))) == true else { return nil }
            var seen = 0
            repeat {
                if s.peek() == UInt8(ascii: "{") {
                    if seen == k { return s.pos }
                    seen += 1
                }
                guard (try? s.skipValue()) != nil else { return nil }
            } while (try? s.next(closing: UInt8(ascii: "["))) == true
            return nil
        }
    }

    /// The line and column of the byte at `offset`.
    func place(_ offset: Int) -> SourcePlace {
        if offset < last.offset {
            let start = bytes.withUnsafeBufferPointer(Self.textStart)
            last = (start, 1, start)
        }
        var (line, lineStart) = (last.line, last.lineStart)
        bytes.withUnsafeBufferPointer { b in
            for i in last.offset..<offset {
                if b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) {
                    line += 1
                    lineStart = i + 1
                }
            }
        }
        last = (offset, line, lineStart)
        // Columns count scalars: every byte but UTF-8 continuation bytes.
        let column = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourcePlace(line: line, column: column)
    }
}
