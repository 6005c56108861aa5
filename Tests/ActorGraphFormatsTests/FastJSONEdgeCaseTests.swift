import ActorGraphCore
@testable import ActorGraphFormats
import Foundation
import Testing
import TestSupport

/// Malformed and awkward JSON: the fast path gives the Yams path's result, taking the input or
/// giving up as the exactness rule says; a mutation fuzzer checks the same on random damage.
@Suite struct FastJSONEdgeCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// Whether the fast path must take it (nil: either way, only the result counts).
        let taken: Bool?
        var testDescription: String { name }
    }

    /// A small graph: actor `a` named `name`, `b`, one relation a → b whose members after `type`
    /// are `relation`, and `extra` members at the top.
    static func graph(name: String = #""Hamas""#, relation: String = #", "evidence": []"#, extra: String = "") -> String {
        """
        {
          "actors": [
            {"id": "a", "name": \(name), "kind": "organization"},
            {"id": "b", "name": "B", "kind": "person"}
          ],
          "relations": [
            {"source": "a", "target": "b", "type": "supports"\(relation)}
          ]\(extra)
        }

        """
    }

    static let cases: [Case] = [
        // Names as people write them.
        Case(name: "quotes", text: graph(name: #""Kata'ib \"Hezbollah\"""#), taken: true),
        Case(name: "backslashes", text: graph(name: #""back\\slash\\""#), taken: true),
        Case(name: "escaped newline and tab", text: graph(name: #""line\nbreak\ttab\r\b\f\/""#), taken: true),
        Case(name: "markup", text: graph(name: #""<b>a & b</b> > c""#), taken: true),
        Case(name: "right-to-left", text: graph(name: #""حماس עברית""#), taken: true),
        Case(name: "escaped Arabic", text: graph(name: #""\u062d\u0645\u0627\u0633""#), taken: true),
        Case(name: "emoji", text: graph(name: #""emoji 🙂""#), taken: true),
        Case(name: "escaped line separator", text: graph(name: #""a\u2028b\u0085""#), taken: true),
        Case(name: "escaped NUL", text: graph(name: #""a\u0000b""#), taken: nil),
        // What libyaml refuses or reads otherwise: the fast path gives up, Yams reports.
        Case(name: "surrogate pair", text: graph(name: #""emoji \ud83d\ude42""#), taken: false),
        Case(name: "lone surrogate", text: graph(name: #""\ud83d""#), taken: false),
        Case(name: "raw line separator", text: graph(name: "\"a\u{2028}b\""), taken: false),
        Case(name: "raw next line", text: graph(name: "\"a\u{85}b\""), taken: false),
        Case(name: "raw DEL", text: graph(name: "\"a\u{7F}b\""), taken: false),
        Case(name: "raw tab in a string", text: graph(name: "\"a\tb\""), taken: false),
        Case(name: "byte-order mark in a string", text: graph(name: "\"\u{FEFF}a\""), taken: false),
        Case(name: "escaped byte-order mark", text: graph(name: #""\ufeffa""#), taken: false),
        Case(name: "unknown escape", text: graph(name: #""a\qb""#), taken: false),
        // Numbers, literals and null where text is expected.
        Case(name: "number as a name", text: graph(name: "-1.5e+3"), taken: true),
        Case(name: "literal as a name", text: graph(name: "true"), taken: true),
        Case(name: "null name", text: graph(name: "null"), taken: false),
        Case(name: "list as a name", text: graph(name: #"["x"]"#), taken: false),
        Case(name: "number date", text: graph(relation: #", "date": 2023"#), taken: true),
        Case(name: "fractional date", text: graph(relation: #", "date": 2023.5"#), taken: false),
        Case(name: "invalid date", text: graph(relation: #", "date": "2023-02-29""#), taken: false),
        Case(name: "dates", text: graph(relation: #", "date": "2020-02-29", "until": "2021-03""#), taken: true),
        Case(name: "until before date", text: graph(relation: #", "date": "2021", "until": "2020""#), taken: false),
        Case(name: "integer weight", text: graph(relation: #", "weight": 7"#), taken: true),
        Case(name: "negative zero weight", text: graph(relation: #", "weight": -0"#), taken: true),
        Case(name: "fraction weight", text: graph(relation: #", "weight": 0.1"#), taken: true),
        Case(name: "long weight", text: graph(relation: #", "weight": 12345678901234567890"#), taken: true),
        Case(name: "string weight", text: graph(relation: #", "weight": "2.5""#), taken: true),
        Case(name: "hexadecimal weight", text: graph(relation: #", "weight": "0x10""#), taken: nil),
        Case(name: "infinite weight", text: graph(relation: #", "weight": 1e400"#), taken: false),
        Case(name: "word weight", text: graph(relation: #", "weight": "heavy""#), taken: false),
        Case(name: "nulls", text: graph(relation: #", "label": null, "modality": null, "weight": null, "evidence": null"#),
             taken: true),
        Case(name: "numbers as texts", text: graph(relation: #", "id": 12, "label": 3.5, "notes": false"#), taken: true),
        Case(name: "aliases", text: graph(name: #""A", "aliases": ["x", 1, true], "country": "IQ""#), taken: true),
        Case(name: "null alias", text: graph(name: #""A", "aliases": ["x", null]"#), taken: false),
        Case(name: "bad kind", text: graph(relation: #", "modality": "rumoured""#), taken: false),
        // Keys.
        Case(name: "duplicate top key", text: graph(extra: #", "title": "x", "title": "y""#), taken: false),
        Case(name: "duplicate relation key", text: graph(relation: #", "label": "x", "label": "x""#), taken: false),
        Case(name: "duplicate evidence key", text: graph(relation: #", "evidence": [{"document": "d", "document": "d"}]"#),
             taken: false),
        Case(name: "unknown key", text: graph(relation: #", "lable": "x""#), taken: false),
        Case(name: "escaped key", text: graph(relation: #", "\u006cabel": "x""#), taken: false),
        Case(name: "colon on the next line", text: graph(extra: ", \"title\"\n: \"x\""), taken: false),
        Case(name: "colon far away", text: graph(extra: ", \"title\"" + String(repeating: " ", count: 1100) + ": \"x\""),
             taken: false),
        Case(name: "no space after colons", text: #"{"actors":[{"id":"a","name":"A","kind":"group"}],"relations":[]}"#,
             taken: true),
        Case(name: "relations first", text: """
            {"relations": [{"source": "b", "target": "a", "type": "meets"}, {"source": "a", "target": "b", "type": "hosts"}],
             "actors": [{"id": "b", "name": "B", "kind": "group"}, {"id": "a", "name": "A", "kind": "group"}]}
            """, taken: true),
        Case(name: "neither actors nor relations", text: #"{"title": "x", "actors": null}"#, taken: false),
        Case(name: "only actors", text: #"{"actors": [{"id": "a", "name": "A", "kind": "group"}]}"#, taken: true),
        // Derived ids: repeats, and an explicit id that a derived one must step over.
        Case(name: "derived ids", text: """
            {"actors": [{"id": "a", "name": "A", "kind": "group"}, {"id": "b", "name": "B", "kind": "group"}],
             "relations": [{"source": "a", "target": "b", "type": "meets", "id": "a-meets-b-2"},
                           {"source": "a", "target": "b", "type": "meets"}, {"source": "a", "target": "b", "type": "meets"},
                           {"source": "a", "target": "b", "type": "meets"}, {"source": "b", "target": "a", "type": "meets"}]}
            """, taken: true),
        Case(name: "duplicate explicit ids", text: graph(relation: #", "id": "r"}, {"source": "b", "target": "a", "type": "meets", "id": "r""#),
             taken: false),
        // Warnings, located by the fast path.
        Case(name: "self relation", text: graph(relation: #"}, {"source": "b", "target": "b", "type": "meets""#), taken: true),
        Case(name: "self relation after other scripts", text: graph(
            relation: #"}, {"source": "b", "label": "حماس 🙂 é", "target": "b", "type": "meets""#), taken: true),
        Case(name: "seven without evidence", text: graph(relation: String(repeating: #"}, {"source": "a", "target": "b", "type": "hosts""#, count: 6)),
             taken: true),
        Case(name: "memberships", text: graph(name: #""A", "memberOf": [{"actor": "b", "role": "envoy", "date": "2020", "until": 2021}]"#),
             taken: true),
        Case(name: "membership cycle", text: graph(name: #""A", "memberOf": [{"actor": "a"}]"#), taken: false),
        Case(name: "unknown actor", text: graph(relation: #"}, {"source": "a", "target": "c", "type": "meets""#), taken: false),
        Case(name: "documents and evidence", text: graph(relation: #", "evidence": [{"document": "d", "quote": "q \"x\""}]"#,
                                                         extra: #", "documents": [{"id": "d", "path": "d.txt", "published": "2021-09", "title": "T"}], "title": "T", "description": "D", "corpus": ".""#),
             taken: true),
        // White space, byte-order mark, line ends, what surrounds the root.
        Case(name: "byte-order mark", text: "\u{FEFF}" + graph(), taken: true),
        Case(name: "CR LF", text: graph(relation: "}, {\"source\": \"b\",\r\n \"target\": \"b\", \"type\": \"meets\"")
                .replacingOccurrences(of: "\n", with: "\r\n"), taken: true),
        Case(name: "CR", text: graph(relation: "}, {\"source\": \"b\", \"target\": \"b\", \"type\": \"meets\"")
                .replacingOccurrences(of: "\n", with: "\r"), taken: true),
        Case(name: "tabs inside", text: graph().replacingOccurrences(of: "  ", with: "\t"), taken: true),
        Case(name: "leading tab", text: "\t" + graph(), taken: false),
        Case(name: "trailing tab after a line break", text: graph() + "\t", taken: false),
        Case(name: "trailing line breaks", text: graph() + "\n\n  \n", taken: true),
        Case(name: "trailing garbage", text: graph() + "x", taken: false),
        Case(name: "second document", text: graph() + graph(), taken: false),
        Case(name: "trailing comma", text: graph(relation: ", "), taken: false),
        Case(name: "comment", text: "# c\n" + graph(), taken: false),
        Case(name: "empty file", text: "", taken: false),
        Case(name: "white space only", text: " \n ", taken: false),
        Case(name: "empty object", text: "{}", taken: false),
        Case(name: "root list", text: "[]", taken: false),
        Case(name: "truncated", text: String(graph().dropLast(10)), taken: false),
        Case(name: "leading zero", text: graph(relation: #", "weight": 01"#), taken: false),
        Case(name: "bare fraction", text: graph(relation: #", "weight": .5"#), taken: false),
        Case(name: "deep nesting", text: graph(extra: #", "title": "# + String(repeating: "[", count: 250)
                 + String(repeating: "]", count: 250)), taken: false),
        Case(name: "brackets after an escaped backslash", text: graph(
            name: #""x\\", "notes": ""# + String(repeating: "[", count: 300) + "\""), taken: nil),
        Case(name: "deep indentation", text: graph().replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 420)),
             taken: nil),
    ]

    @Test(arguments: cases)
    func sameResultAsYams(_ c: Case) {
        let taken = FastJSONReaderTests.compare(Array(c.text.utf8), file: "edge.json")
        if let expected = c.taken { #expect(taken == expected, "fast path taken: \(taken)") }
    }

    @Test func invalidUTF8InAString() {
        var bytes = Array(Self.graph().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "H"))!
        for bad: [UInt8] in [[0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8]] {
            bytes.replaceSubrange(at..<at + 1, with: bad)
            #expect(!FastJSONReaderTests.compare(bytes, file: "bad.json"))
            bytes = Array(Self.graph().utf8)
        }
    }

    /// Longer runs: AG_FUZZ_ROUNDS=40000 AG_FUZZ_SEED=101 swift test --filter mutationsGiveTheYamsResult.
    static let fuzzRounds = Int(ProcessInfo.processInfo.environment["AG_FUZZ_ROUNDS"] ?? "") ?? 1_500
    static let fuzzSeed = UInt64(ProcessInfo.processInfo.environment["AG_FUZZ_SEED"] ?? "") ?? 9

    /// Random damage to a clean file (bytes deleted, inserted, replaced, repeated): whatever the
    /// fast path does, the result is the Yams path's.
    @Test func mutationsGiveTheYamsResult() {
        let clean = Array(Self.graph(name: #""Kata'ib \"Hezbollah\" حماس 🙂\u00e9", "aliases": ["x"], "memberOf": [{"actor": "b", "date": "2020"}]"#,
                                     relation: #", "id": "r1", "date": "2021-09-25", "until": "2022", "weight": 2.5, "label": "met\\with", "evidence": [{"document": "d", "quote": "q"}]}, {"source": "b", "target": "b", "type": "meets""#,
                                     extra: #", "documents": [{"id": "d", "path": "d.txt"}], "title": "T""#).utf8)
        #expect(ReadOutcome.fastPathTakes(clean))
        let alphabet = Array("{}[]\",:\\ \t\n\r0123456789.-+eEaburlnt".utf8) + [0x80, 0xC3, 0xA9, 0xE2, 0xF0, 0x7F]
        var rng = SeededGenerator(seed: Self.fuzzSeed)
        var takenCount = 0
        for round in 0..<Self.fuzzRounds {
            var bytes = clean
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet.randomElement(using: &rng)!, at: at)
                case 2: bytes[at] = alphabet.randomElement(using: &rng)!
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...12, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: at)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            let fast = ReadOutcome.of(bytes, file: "m.json", fast: true)
            let yams = ReadOutcome.of(bytes, file: "m.json", fast: false)
            #expect(fast == yams, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
            if ReadOutcome.fastPathTakes(bytes, file: "m.json") { takenCount += 1 }
        }
        // Some damage leaves valid JSON (inside a string, or white space): both kinds occur.
        #expect(takenCount > Self.fuzzRounds / 30 && takenCount < Self.fuzzRounds * 29 / 30, "\(takenCount)")
    }

    @Test func stringsDecodeEveryEscape() {
        let text = #""a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u20ac\ud83d\ude42\uD834\uDD1E""#
        let bytes = Array(text.utf8)
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            var s = JSONScanner(buffer, from: 0)
            let scalar = JSONScalar(kind: .string, start: 1, end: buffer.count - 1, escaped: true)
            return try? s.text(scalar)
        }
        #expect(decoded == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti\u{E9}\u{20AC}🙂\u{1D11E}")
        for lone in [#""\ud83d""#, #""\ude42x""#, #""\ud83d\u0041""#] {
            Array(lone.utf8).withUnsafeBufferPointer { buffer in
                var s = JSONScanner(buffer, from: 0)
                let scalar = JSONScalar(kind: .string, start: 1, end: buffer.count - 1, escaped: true)
                #expect(throws: FastPathDoubt.self) { try s.decodeString(scalar) }
            }
        }
    }

    /// The byte-level nesting heuristic answers as the one on scalars does.
    @Test func nestingHeuristicOnBytesMatches() {
        let pieces = ["[", "{", "]", "}", "\"", "'", "\\", " ", "-", "?", "#", "\n", "a", "é", "🙂"]
        var rng = SeededGenerator(seed: 3)
        var fired = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let limit = Int.random(in: 0...3, using: &rng)
            let onScalars = YAMLTree.firstPlaceDeeperThan(limit, in: text) != nil
            let onBytes = Array(text.utf8).withUnsafeBufferPointer { YAMLTree.isDeeperThan(limit, $0) }
            #expect(onScalars == onBytes, "\(text.debugDescription) limit \(limit)")
            if onScalars { fired += 1 }
        }
        #expect(fired > 100)
    }
}
