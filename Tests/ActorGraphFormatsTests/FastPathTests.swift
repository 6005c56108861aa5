import Foundation
import Testing
@testable import ActorGraphFormats

/// The readers' fast paths give exactly what the general code gives.
struct FastPathTests {
    /// `simpleDecimal` agrees with `Double(text)` bit for bit where it answers, and declines
    /// everything it does not read (which `Double(text)` then reads).
    @Test func simpleDecimalsAreReadExactlyAsDoubleReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "7", "007", "0.1", "0.3", "-2.5", "123456789012345", "99999999999999.9",
                     "0.000000000000001", "1.", ".5", "1e3", "+1", "--1", "1.2.3", "", "-", "nan", "1 ", "١٢",
                     "1234567890123456", "0.1234567890123456"]
        for _ in 0..<20_000 {
            let integer = String(UInt64.random(in: 0...999_999_999, using: &generator))
            let fraction = String(UInt64.random(in: 0...999_999, using: &generator))
            let digits = Int.random(in: 0...6, using: &generator)
            let text = (Bool.random(using: &generator) ? "-" : "") + integer + (digits == 0 ? "" : "." + String(fraction.prefix(digits)))
            texts.append(text)
        }
        for text in texts {
            if let fast = TableReader.simpleDecimal(text) {
                #expect(Double(text)?.bitPattern == fast.bitPattern, "\(text): \(fast) vs \(String(describing: Double(text)))")
            } else {
                let simple = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 || $0 == 46 || $0 == 45 }
                    && text.utf8.filter { $0 >= 48 && $0 <= 57 }.count <= 15 && !text.hasPrefix(".") && !text.hasSuffix(".")
                    && text.utf8.filter { $0 == 46 }.count <= 1 && !text.dropFirst().contains("-") && text != "-" && !text.isEmpty
                #expect(!simple, "\(text) is simple but was declined")
            }
        }
    }

    /// The line-by-line text check finds the same NUL bytes and long lines as a byte-by-byte walk,
    /// at the same places, across chunk boundaries.
    @Test func theTextCheckMatchesAByteWalk() {
        let limits = InputLimits(fileBytes: 1 << 20, lineBytes: 12)
        func walk(_ bytes: [UInt8]) -> String? {
            var line = 1, length = 0
            for byte in bytes {
                if byte == 0x0A { line += 1; length = 0; continue }
                if byte == 0 { return "\(line):\(length + 1) NUL" }
                length += 1
                if length > 12 { return "\(line) long" }
            }
            return nil
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...60, using: &generator)
            let bytes = (0..<count).map { _ -> UInt8 in [0x0A, 0x0A, 0x41, 0x42, 0x43, 0x44, 0xC3, 0x00][Int.random(in: 0...7, using: &generator)] }
            var found: String?
            do {
                // In chunks of 7, as a stream is read.
                var line = 1, carried = 0
                for start in stride(from: 0, to: bytes.count, by: 7) {
                    let chunk = bytes[start..<min(start + 7, bytes.count)]
                    let scanned = try limits.scanText(chunk, file: "f", line: line, carried: carried)
                    line += scanned.breaks
                    carried = scanned.carried
                }
            } catch let error as DiagnosticsError {
                let d = error.diagnostics[0]
                found = d.message.contains("NUL") ? "\(d.line ?? 0):\(d.column ?? 0) NUL" : "\(d.line ?? 0) long"
            } catch {
                Issue.record("unexpected \(error)")
            }
            #expect(found == walk(bytes), "\(bytes)")
        }
    }
}

/// XML documents reach FoundationXML only as UTF-8 (it traps on anything else, found by fuzzing).
struct XMLEncodingTests {
    static let body = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
        + "<node id=\"Caf\u{E9}\"/><node id=\"b\"/><edge source=\"Caf\u{E9}\" target=\"b\"/></graph></graphml>\n"

    @Test func aDeclaredSingleByteEncodingIsConvertedHere() throws {
        let latin1 = Array(("<?xml version=\"1.0\" encoding='ISO-8859-1'?>\n" + Self.body).data(using: .isoLatin1)!)
        let loaded = try GraphMLFormat.graph(from: latin1, file: "latin.graphml")
        #expect(loaded.graph.actors.map(\.id.rawValue).contains("Caf\u{E9}"))
        let converted = try XMLTreeBuilder.utf8Document(latin1, file: "latin.graphml")
        #expect(String(decoding: converted, as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding='UTF-8'?>"))
    }

    @Test func anUnknownOrMalformedEncodingIsAnErrorNotACrash() {
        for declaration in ["encoding=\"ssssml xmlns=\"", "encoding=\"UTF\u{FF}\u{FE}-8\"", "encoding=\"koi8-x\""] {
            var bytes = Array("<?xml version=\"1.0\" \(declaration)?>\n".utf8) + Array(Self.body.utf8)
            bytes.append(contentsOf: [0xFF, 0xFE])
            #expect(throws: DiagnosticsError.self) { try GraphMLFormat.graph(from: bytes, file: "bad.graphml") }
        }
        // UTF-8 declared, bytes that are not: the UTF-8 error, at its place.
        let bad = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<graphml>".utf8) + [0xC3, 0x28] + Array("</graphml>".utf8)
        #expect(throws: DiagnosticsError.self) { try GraphMLFormat.graph(from: bad, file: "bad.graphml") }
    }

    /// FoundationXML reads a processing instruction's data without checking for null: "<?x?>"
    /// is refused here with its place, in GraphML and GEXF alike (found by fuzzing graphml).
    @Test func aProcessingInstructionWithoutDataIsAnErrorNotACrash() throws {
        let cases: [(String, String)] = [("<?xl?>\nl=tt", "1:1"), ("<?xml version=\"1.0\"?>\n<graphml>\n  <graph><?x   ?></graph></graphml>", "3:10")]
        for (text, place) in cases {
            for read in [{ try GraphMLFormat.graph(from: $0, file: "pi.xml") }, { try GEXFFormat.graph(from: $0, file: "pi.xml") }]
                as [([UInt8]) throws -> LoadedGraph] {
                let error = #expect(throws: DiagnosticsError.self) { try read(Array(text.utf8)) }
                let d = try #require(error?.diagnostics.first)
                #expect("\(d.line ?? 0):\(d.column ?? 0)" == place && d.message.contains("processing instruction"))
            }
        }
        // with data, or inside a comment or CDATA, it is read
        let fine = "<?xml version=\"1.0\"?>\n<!-- <?x?> --><graphml><?target data?><graph edgedefault=\"directed\">"
            + "<desc><![CDATA[<?y?>]]></desc><node id=\"a\"/></graph></graphml>\n"
        #expect(XMLTreeBuilder.processingInstructionWithoutData(Array(fine.utf8)) == nil)
        #expect(try GraphMLFormat.graph(from: Array(fine.utf8), file: "fine.graphml").graph.actors.count == 1)
    }
}
