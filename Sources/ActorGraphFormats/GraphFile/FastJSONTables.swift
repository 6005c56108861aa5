import ActorGraphCore
import Foundation

/// The keys of one kind of element, in the order ``GraphDecoder`` lists them (a test checks that
/// the lists agree), matched against a key's bytes without making a string.
protocol FastJSONKey: RawRepresentable<String>, CaseIterable, Sendable {
    static var table: FastKeyTable<Self> { get }
}

struct FastKeyTable<Key: FastJSONKey>: Sendable {
    private let entries: [(length: Int, low: UInt64, high: UInt64, key: Key)]

    init() {
        entries = Key.allCases.map { key in
            let bytes = Array(key.rawValue.utf8)
            let (low, high) = Self.words(bytes.count) { bytes[$0] }
            return (bytes.count, low, high, key)
        }
    }

    /// The first 16 bytes as two little-endian words.
    private static func words(_ count: Int, _ byte: (Int) -> UInt8) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0..<min(count, 16) {
            if k < 8 { low |= UInt64(byte(k)) << (8 * k) } else { high |= UInt64(byte(k)) << (8 * (k - 8)) }
        }
        return (low, high)
    }

    /// The key the bytes spell, with its bit (1 << its position) for duplicate checks.
    func match(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> (key: Key, bit: UInt32)? {
        guard count <= 16 else { return nil }
        let (low, high) = Self.words(count) { base[start + $0] }
        for (k, e) in entries.enumerated() where e.length == count && e.low == low && e.high == high {
            return (e.key, 1 << k)
        }
        return nil
    }
}

enum TopKey: String, FastJSONKey {
    case title, description, corpus, documents, actors, relations
    static let table = FastKeyTable<TopKey>()
}

enum DocumentKey: String, FastJSONKey {
    case id, path, title, outlet, published, url, notes
    static let table = FastKeyTable<DocumentKey>()
}

enum ActorKey: String, FastJSONKey {
    case id, name, kind, aliases, country, memberOf, wikidata, notes
    static let table = FastKeyTable<ActorKey>()
}

enum MembershipKey: String, FastJSONKey {
    case actor, role, date, until
    static let table = FastKeyTable<MembershipKey>()
}

enum RelationKey: String, FastJSONKey {
    case id, source, target, type, label, date, until, modality, evidence, weight, notes
    static let table = FastKeyTable<RelationKey>()
}

enum EvidenceKey: String, FastJSONKey {
    case document, quote
    static let table = FastKeyTable<EvidenceKey>()
}

/// Interns byte strings: equal bytes give the same entry and one shared `String`.
///
/// Open addressing over a power-of-two table; keys are kept in an arena of bytes.
struct ByteInterner {
    private(set) var strings: [String] = []
    private var spans: [(offset: Int, count: Int)] = []
    private var arena: [UInt8] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var hashes: [UInt64] = []

    var count: Int { strings.count }

    /// The entry for `bytes`, added when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == h && equal(Int(entry), bytes) { return entry }
            slot = (slot + 1) & mask
        }
        let entry = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        spans.append((arena.count, bytes.count))
        arena.append(contentsOf: bytes)
        hashes.append(h)
        slots[slot] = entry
        if strings.count * 2 > slots.count { grow() }
        return entry
    }

    private func equal(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[entry]
        guard span.count == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            span.count == 0 || memcmp(a.baseAddress! + span.offset, bytes.baseAddress!, span.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// A word-at-a-time multiplicative hash; ids are short.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let p = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count { tail = tail << 8 | UInt64(p[i]); i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ h >> 29
    }
}

extension JSONScanner {
    /// A closed-vocabulary value (kind, type, modality) spelled exactly as one of its raw values.
    mutating func term<T: VocabularyTerm>(_ s: JSONScalar, _ type: T.Type) throws(FastPathDoubt) -> T {
        try withBytes(s) { (bytes) throws(FastPathDoubt) -> T in
            for term in T.allCases where term.rawValue.utf8.elementsEqual(bytes) { return term }
            throw FastPathDoubt()
        }
    }

    /// A date as `PartialDate(_:)` reads it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a real calendar
    /// date); anything else is doubted.
    mutating func date(_ s: JSONScalar) throws(FastPathDoubt) -> PartialDate {
        try withBytes(s) { (b) throws(FastPathDoubt) -> PartialDate in
            func number(_ from: Int, _ width: Int) throws(FastPathDoubt) -> Int {
                var value = 0
                for k in from..<from + width {
                    let digit = b[k] &- UInt8(ascii: "0")
                    guard digit < 10 else { throw FastPathDoubt() }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard b.count == 4 || b.count == 7 || b.count == 10 else { throw FastPathDoubt() }
            let year = try number(0, 4)
            var month: Int?, day: Int?
            if b.count >= 7 {
                guard b[4] == UInt8(ascii: "-") else { throw FastPathDoubt() }
                month = try number(5, 2)
            }
            if b.count == 10 {
                guard b[7] == UInt8(ascii: "-") else { throw FastPathDoubt() }
                day = try number(8, 2)
            }
            guard let date = PartialDate(year: year, month: month, day: day) else { throw FastPathDoubt() }
            return date
        }
    }

    /// A weight as `Double(_:)` reads the text, finite; anything else is doubted.
    mutating func weight(_ s: JSONScalar) throws(FastPathDoubt) -> Double {
        // Up to 15 digits: the integer is exactly the Double that `Double(_:)` gives.
        if s.kind == .number, s.end - s.start <= 15 {
            var value = 0
            var k = s.start
            while k < s.end, base[k] &- UInt8(ascii: "0") < 10 { value = value * 10 + Int(base[k] &- 48); k += 1 }
            if k == s.end { return Double(value) }
        }
        guard let value = Double(try text(s)), value.isFinite else { throw FastPathDoubt() }
        return value
    }
}
