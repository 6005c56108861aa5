import ActorGraphCore
import Foundation

/// Reads GDELT 2.0 event files (61 tab-separated columns, no header; `.CSV`, or `.zip` holding
/// one) as a stream: the file is read in 1 MiB chunks, only the columns used are decoded, actor
/// codes are interned from the bytes, and events join into relations as they come
/// (``EventAggregator``), so memory grows with the number of relations, not of rows.
///
/// Columns used (0-based): 0 GlobalEventID, 1 Day (YYYYMMDD), 5 Actor1Code, 6 Actor1Name,
/// 15 Actor2Code, 16 Actor2Name, 26 EventCode, 30 GoldsteinScale, 60 SOURCEURL. Actor1 is the
/// source, Actor2 the target (GDELT: "action performed by Actor1 upon Actor2").
public enum GDELTReader {
    public static let columnCount = 61
    static let used: [Int] = [0, 1, 5, 6, 15, 16, 26, 30, 60]

    public static func read(path: String, mapping: EventMapping, period: EventPeriod,
                            weightByGoldstein: Bool = false) throws -> EventImport {
        var parser = Parser(mapping: mapping, period: period, weightByGoldstein: weightByGoldstein)
        // Limits checked chunk by chunk (a .zip's entry as inflated): random bytes fail at their
        // first NUL byte or first overlong line, a huge file at the size limit.
        let limits = InputLimits.gdelt
        var total = 0, line = 1, carried = 0
        func feed(_ chunk: [UInt8]) throws {
            total += chunk.count
            if total > limits.fileBytes { throw limits.tooLarge(total, file: path) }
            carried = try limits.checkText(chunk[...], file: path, line: line, carried: carried)
            line += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            parser.feed(chunk)
        }
        if path.lowercased().hasSuffix(".zip") {
            let zip = try ZipEntryReader(path: path)
            while let chunk = try zip.next() { try feed(chunk) }
        } else {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limits.fileBytes {
                throw limits.tooLarge(Int(info.st_size), file: path)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw DiagnosticsError([Diagnostic(file: path, message: "cannot read file")])
            }
            while true {
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                try feed(Array(chunk))
            }
        }
        parser.finish()
        let result = parser.aggregator.result()
        try limits.check(result.graph, file: path)
        return result
    }

    /// Reads GDELT event rows already in memory (a `.CSV`'s bytes), as ``read(path:mapping:period:weightByGoldstein:)``
    /// does from a file.
    public static func read(bytes: [UInt8], file: String, mapping: EventMapping, period: EventPeriod,
                            weightByGoldstein: Bool = false) throws -> EventImport {
        let limits = InputLimits.gdelt
        try limits.check(bytes, file: file)
        var parser = Parser(mapping: mapping, period: period, weightByGoldstein: weightByGoldstein)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + (1 << 20))
            parser.feed(Array(bytes[start..<end]))
            start = end
        }
        parser.finish()
        let result = parser.aggregator.result()
        try limits.check(result.graph, file: file)
        return result
    }

    struct Parser {
        var aggregator: EventAggregator
        let mapping: EventMapping
        let period: EventPeriod
        var labels = LabelTable()
        var carry: [UInt8] = []
        /// Mapping results by packed CAMEO code (digits and length): 0 unmapped, 1 no relation, 2+ type.
        var codeCache: [Int: UInt8] = [:]

        init(mapping: EventMapping, period: EventPeriod, weightByGoldstein: Bool) {
            aggregator = EventAggregator(sourceName: "GDELT", period: period, weightByGoldstein: weightByGoldstein)
            self.mapping = mapping
            self.period = period
        }

        mutating func feed(_ chunk: [UInt8]) {
            var bytes = carry
            bytes.append(contentsOf: chunk)
            var start = 0
            bytes.withUnsafeBufferPointer { buffer in
                var i = 0
                while let newline = memchr(buffer.baseAddress! + i, 0x0A, buffer.count - i) {
                    let end = buffer.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    line(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                    i = end + 1
                    start = i
                }
            }
            carry = Array(bytes[start...])
        }

        mutating func finish() {
            if !carry.isEmpty { carry.withUnsafeBufferPointer { line($0) } }
            carry = []
        }

        /// A non-negative decimal integer, or nil. At most 18 digits: a longer run of digits
        /// overflowed Int and trapped (found by fuzzing).
        static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !b.isEmpty, b.count <= 18 else { return nil }
            var value = 0
            for c in b {
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }

        static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
            b.isEmpty ? nil : Double(String(decoding: b, as: UTF8.self))
        }

        mutating func line(_ raw: UnsafeBufferPointer<UInt8>) {
            var line = raw
            if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            if line.isEmpty { return }
            aggregator.rows += 1
            var fields = [UnsafeBufferPointer<UInt8>](repeating: UnsafeBufferPointer(start: nil, count: 0), count: GDELTReader.columnCount)
            var column = 0, fieldStart = 0
            for k in 0...line.count where k == line.count || line[k] == 0x09 {
                if column < GDELTReader.columnCount { fields[column] = UnsafeBufferPointer(rebasing: line[fieldStart..<k]) }
                column += 1
                fieldStart = k + 1
            }
            guard column == GDELTReader.columnCount else { aggregator.skip("malformed row (not \(GDELTReader.columnCount) columns)"); return }
            guard !fields[5].isEmpty else { aggregator.skip("no first actor"); return }
            guard !fields[15].isEmpty else { aggregator.skip("no second actor"); return }
            guard let day = Parser.integer(fields[1]),
                  let date = PartialDate(year: day / 10_000, month: day / 100 % 100, day: day % 100) else {
                aggregator.skip("bad date"); return
            }
            guard let code = Parser.integer(fields[26]), fields[26].count <= 4 else { aggregator.skip("bad event code"); return }
            let packed = code * 10 + fields[26].count
            let mapped: UInt8
            if let cached = codeCache[packed] { mapped = cached } else {
                switch mapping.lookup(.cameo, String(decoding: fields[26], as: UTF8.self)) {
                case .none: mapped = 0
                case .some(.none): mapped = 1
                case .some(.some(let type)): mapped = 2 + UInt8(RelationType.allCases.firstIndex(of: type)!)
                }
                codeCache[packed] = mapped
            }
            guard mapped >= 2 else {
                aggregator.unmappedCode(String(decoding: fields[26], as: UTF8.self), explicit: mapped == 1)
                return
            }
            let source = intern(fields[5], name: fields[6]), target = intern(fields[15], name: fields[16])
            let goldstein = Parser.decimal(fields[30]).flatMap { $0.isFinite ? $0 : nil }
            let (index, cites) = aggregator.add(source: source, target: target, type: RelationType.allCases[Int(mapped - 2)],
                                                period: period.key(year: date.year, month: date.month!, day: date.day!),
                                                goldstein: goldstein)
            if cites {
                aggregator.cite(index, event: String(decoding: fields[0], as: UTF8.self),
                                url: String(decoding: fields[60], as: UTF8.self),
                                code: String(decoding: fields[26], as: UTF8.self))
            }
        }

        mutating func intern(_ code: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) -> Int32 {
            let index = labels.intern(code)
            if Int(index) == aggregator.actorIDs.count {
                let id = String(decoding: code, as: UTF8.self)
                aggregator.appendActor(id: id, name: String(decoding: name, as: UTF8.self), kind: cameoKind(id))
            }
            return index
        }
    }
}
