import Foundation
import Testing
import TestSupport

/// Every command's output on the seed graph, pinned: stdout (and any files a command writes), stderr
/// and exit status, compared with the files in Golden/. The cases live in Golden/cases.json, one per
/// line; adding a case needs no Swift: add its line (name, arguments, format), then record.
///
/// Record mode: `ACTORGRAPH_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests` runs every case
/// and rewrites `<name>.out`, `<name>--<file>` and each case's `status` and `stderr` in cases.json.
///
/// Comparison: text exactly; JSON as parsed values (key order and number spelling free, numbers
/// within a relative 1e-9); CSV cell by cell (numbers within a relative 1e-6, or within the rounding
/// of the golden spelling: a golden `0.023256` matches `0.023255813953488372`).
struct GoldenOutputTests {
    @Test(.enabled(if: !GoldenFiles.recording), arguments: GoldenFiles.cases)
    func outputMatchesGolden(_ golden: GoldenCase) throws {
        guard let status = golden.status, let stderr = golden.stderr else {
            Issue.record("\(golden.name): not recorded yet; run with \(GoldenFiles.recordVariable)=1")
            return
        }
        let run = try GoldenRunner.run(golden)
        #expect(run.status == status, "\(golden.name): exit status \(run.status), golden \(status)\nstderr:\n\(run.stderr)")
        if let diff = GoldenComparison.difference(expected: stderr, actual: run.stderr, format: .text) {
            Issue.record("\(golden.name): stderr differs\n\(diff)")
        }
        let outputs = [(GoldenFiles.stdoutFile(golden.name), run.stdout, golden.format)]
            + run.files.map { (GoldenFiles.file(golden.name, $0.name), $0.text, GoldenFormat(fileName: $0.name)) }
        for (file, actual, format) in outputs {
            let url = GoldenFiles.folder.appendingPathComponent(file)
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("\(golden.name): no golden file \(file); run with \(GoldenFiles.recordVariable)=1")
                continue
            }
            if let diff = GoldenComparison.difference(expected: expected, actual: actual, format: format) {
                Issue.record("\(golden.name): \(file) differs (\(format.rawValue))\n\(diff)")
            }
        }
    }

    @Test func manifestIsWellFormedAndEveryGoldenFileBelongsToACase() throws {
        let cases = try GoldenFiles.load()
        #expect(cases.count == GoldenFiles.cases.count)
        #expect(!cases.isEmpty)
        var names = Set<String>()
        for c in cases {
            #expect(names.insert(c.name).inserted, "duplicate case name \(c.name)")
            #expect(!c.name.isEmpty && c.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") },
                    "case name '\(c.name)': lowercase letters, digits and dashes only")
            #expect(!c.arguments.isEmpty, "\(c.name): no arguments")
            for file in c.files ?? [] { #expect(!file.contains("/"), "\(c.name): captured file '\(file)' must be a plain name") }
        }
        guard !GoldenFiles.recording else { return }
        let expected = Set(cases.flatMap(GoldenFiles.outputFiles)).union([GoldenFiles.manifestName])
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: GoldenFiles.folder.path))
        #expect(present.subtracting(expected).isEmpty, "golden files no case produces: \(present.subtracting(expected).sorted())")
        #expect(expected.subtracting(present).isEmpty, "golden files missing: \(expected.subtracting(present).sorted())")
    }

    /// The comparison itself: what it lets through (reformatting) and what it catches.
    @Test func comparisonAllowsReformattingButNotChanges() {
        // JSON: key order, layout and number spelling are free; values are not.
        let json = #"{"a": 1, "b": [0.25, true, null, "x"], "c": {"d": 0.1234567890123}}"#
        #expect(GoldenComparison.difference(expected: json, actual: #"{"c":{"d":0.12345678901230001},"b":[2.5e-1,true,null,"x"],"a":1.0}"#,
                                            format: .json) == nil)
        #expect(GoldenComparison.difference(expected: json, actual: #"{"a": 1, "b": [0.25, 1, null, "x"], "c": {"d": 0.1234567890123}}"#,
                                            format: .json)?.contains("$.b[1]") == true)
        #expect(GoldenComparison.difference(expected: json, actual: #"{"a": 1, "b": [0.25, true, null, "x"], "c": {"d": 0.12345679}}"#,
                                            format: .json)?.contains("$.c.d") == true)
        #expect(GoldenComparison.difference(expected: json, actual: #"{"a": 1, "b": [0.25, true, null], "c": {"d": 0.1234567890123}}"#,
                                            format: .json)?.contains("$.b (4 items, actual 3)") == true)
        // CSV: a 6-decimal golden cell matches the full-precision value it rounds; fewer decimals do not.
        let csv = "rank,id,name,degree\n1,erbil,\"Erbil \"\"peace, conference\"\"\",0.023256\n2,x,X,4\n"
        #expect(GoldenComparison.difference(expected: csv, actual: "rank,id,name,degree\n1,erbil,\"Erbil \"\"peace, conference\"\"\",0.023255813953488372\n2,x,X,4.0\n",
                                            format: .csv) == nil)
        #expect(GoldenComparison.difference(expected: csv, actual: "rank,id,name,degree\n1,erbil,\"Erbil \"\"peace, conference\"\"\",0.0233\n2,x,X,4\n",
                                            format: .csv)?.contains("row 2, column \"degree\"") == true)
        #expect(GoldenComparison.difference(expected: csv, actual: "rank,id,name,degree\n1,erbil,\"Erbil \"\"peace, conference\"\"\",0.023256\n2,x,X,4.4\n",
                                            format: .csv) != nil)
        #expect(GoldenComparison.csvRows(csv)[1] == ["1", "erbil", "Erbil \"peace, conference\"", "0.023256"])
        // Text: exact, and the diff shows the first differing lines with their context.
        let diff = GoldenComparison.difference(expected: "a\nb\nc\nd\n", actual: "a\nb\nC\nd\n", format: .text)
        #expect(diff == "--- golden\n+++ actual\n@@ -1,4 +1,4 @@\n a\n b\n-c\n+C\n d")
        #expect(GoldenComparison.difference(expected: "a\n", actual: "a", format: .text)?.hasSuffix("+\\ No newline at end of file") == true)
    }

    @Test(.enabled(if: GoldenFiles.recording))
    func recordGoldenFiles() throws {
        var cases = try GoldenFiles.load()
        var written: Set<String> = [GoldenFiles.manifestName]
        for index in cases.indices {
            let run = try GoldenRunner.run(cases[index])
            cases[index].status = run.status
            cases[index].stderr = run.stderr
            let outputs = [(GoldenFiles.stdoutFile(cases[index].name), run.stdout)]
                + run.files.map { (GoldenFiles.file(cases[index].name, $0.name), $0.text) }
            for (file, text) in outputs {
                try text.write(to: GoldenFiles.folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
                written.insert(file)
            }
        }
        // Outputs of cases that were renamed or removed.
        for file in try FileManager.default.contentsOfDirectory(atPath: GoldenFiles.folder.path)
        where !written.contains(file) && (file.hasSuffix(".out") || file.contains("--")) {
            try FileManager.default.removeItem(at: GoldenFiles.folder.appendingPathComponent(file))
        }
        try GoldenFiles.manifestText(cases).write(to: GoldenFiles.manifest, atomically: true, encoding: .utf8)
    }
}

// MARK: cases

/// How an output is compared.
enum GoldenFormat: String, Codable, Sendable {
    case text, json, csv

    /// The format of a captured file, from its extension.
    init(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        default: self = .text
        }
    }
}

/// One line of Golden/cases.json. `{tmp}` in `setup` and `arguments` is a fresh folder per case;
/// `setup` runs first (each must exit 0); `files` are read from `{tmp}` afterwards.
struct GoldenCase: Codable, Sendable, CustomTestStringConvertible {
    var name: String
    var setup: [[String]]?
    var arguments: [String]
    var files: [String]?
    var format: GoldenFormat
    var status: Int32?
    var stderr: String?

    var testDescription: String { name }
}

enum GoldenFiles {
    static let recordVariable = "ACTORGRAPH_RECORD_GOLDEN"
    static let recording = ProcessInfo.processInfo.environment[recordVariable] == "1"
    static let folder = RepositoryPaths.url("Tests/ActorGraphCLITests/Golden")
    static let manifestName = "cases.json"
    static let manifest = folder.appendingPathComponent(manifestName)

    /// The cases, read once for the parameterised test (empty if the manifest is unreadable:
    /// `manifestIsWellFormedAndEveryGoldenFileBelongsToACase` then fails with the reason).
    static let cases: [GoldenCase] = (try? load()) ?? []

    static func load() throws -> [GoldenCase] {
        try JSONDecoder().decode([GoldenCase].self, from: Data(contentsOf: manifest))
    }

    static func stdoutFile(_ name: String) -> String { "\(name).out" }
    static func file(_ name: String, _ captured: String) -> String { "\(name)--\(captured)" }
    static func outputFiles(_ c: GoldenCase) -> [String] { [stdoutFile(c.name)] + (c.files ?? []).map { file(c.name, $0) } }

    /// The manifest as written in record mode: one case per line, keys in a fixed order.
    static func manifestText(_ cases: [GoldenCase]) -> String {
        func string(_ s: String) -> String { jsonQuoted(s) }
        func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }
        let lines = cases.map { c in
            var fields = ["\"name\": " + string(c.name)]
            if let setup = c.setup { fields.append("\"setup\": [" + setup.map(list).joined(separator: ", ") + "]") }
            fields.append("\"arguments\": " + list(c.arguments))
            if let files = c.files { fields.append("\"files\": " + list(files)) }
            fields.append("\"format\": " + string(c.format.rawValue))
            if let status = c.status { fields.append("\"status\": \(status)") }
            if let stderr = c.stderr { fields.append("\"stderr\": " + string(stderr)) }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }
}

// MARK: running

struct GoldenRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var files: [(name: String, text: String)]
}

enum GoldenRunner {
    struct SetupFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a case from the repository root (so paths in the output are relative), in a fresh
    /// temporary folder for `{tmp}`. The folder's path and the repository's absolute path are
    /// written back as `{tmp}` and `{root}` in everything recorded.
    static func run(_ golden: GoldenCase) throws -> GoldenRun {
        // Inside the checkout, so that paths between the case's files and the repository (a
        // rewritten `corpus`) are the same wherever the checkout lies.
        let tmp = RepositoryPaths.url(".build/golden-tmp/\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        func expand(_ arguments: [String]) -> [String] {
            arguments.map { $0.replacingOccurrences(of: "{tmp}", with: tmp.path) }
        }
        let absolute = [(tmp.path, "{tmp}"), (tmp.resolvingSymlinksInPath().path, "{tmp}"),
                        (RepositoryPaths.root.path, "{root}")]
        func normalise(_ text: String) -> String {
            absolute.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        for step in golden.setup ?? [] {
            let r = try runActorGraph(expand(step))
            guard r.status == 0 else {
                throw SetupFailed(description: "\(golden.name): setup \(step) exited \(r.status): \(r.stderr)")
            }
        }
        let r = try runActorGraph(expand(golden.arguments))
        var files: [(name: String, text: String)] = []
        for name in golden.files ?? [] {
            let url = tmp.appendingPathComponent(name)
            // A file the command did not write is recorded as empty; the comparison then shows it.
            let data = FileManager.default.contents(atPath: url.path) ?? Data()
            files.append((name, normalise(String(decoding: data, as: UTF8.self))))
        }
        return GoldenRun(status: r.status, stdout: normalise(r.stdout), stderr: normalise(r.stderr), files: files)
    }
}

// MARK: comparing

enum GoldenComparison {
    /// nil when `actual` matches `expected`; otherwise a short unified-style diff of the first difference.
    static func difference(expected: String, actual: String, format: GoldenFormat) -> String? {
        switch format {
        case .text: return expected == actual ? nil : unifiedDiff(expected, actual)
        case .json: return jsonDifference(expected, actual)
        case .csv: return csvDifference(expected, actual)
        }
    }

    // MARK: text

    /// The first block of differing lines with two lines of context, at most `limit` lines a side.
    static func unifiedDiff(_ expected: String, _ actual: String, context: Int = 2, limit: Int = 8) -> String {
        // Lines without their line breaks; a missing final line break is a line of its own, as in diff.
        func lines(_ text: String) -> [String] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() } else { lines.append("\\ No newline at end of file") }
            return lines
        }
        let e = lines(expected), a = lines(actual)
        var prefix = 0
        while prefix < e.count, prefix < a.count, e[prefix] == a[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < e.count - prefix, suffix < a.count - prefix, e[e.count - 1 - suffix] == a[a.count - 1 - suffix] {
            suffix += 1
        }
        let start = max(0, prefix - context)
        let before = e[start..<prefix]
        let removed = e[prefix..<(e.count - suffix)], added = a[prefix..<(a.count - suffix)]
        let after = e[(e.count - suffix)..<min(e.count, e.count - suffix + context)]
        var out = ["--- golden", "+++ actual",
                   "@@ -\(start + 1),\(before.count + removed.count + after.count) +\(start + 1),\(before.count + added.count + after.count) @@"]
        out += before.map { " " + clip($0) }
        for (sign, lines) in [("-", removed), ("+", added)] {
            out += lines.prefix(limit).map { sign + clip($0) }
            if lines.count > limit { out.append("\(sign)… \(lines.count - limit) more lines") }
        }
        out += after.map { " " + clip($0) }
        return out.joined(separator: "\n")
    }

    static func clip(_ line: String, _ width: Int = 240) -> String {
        line.count > width ? String(line.prefix(width)) + "…" : line
    }

    // MARK: JSON

    /// Keys the redesign (issue 8) added to JSON answers on purpose, documented in docs/CLI.md:
    /// present in new output, absent from snapshots recorded before it. Every key that was there
    /// must still be there with the same value.
    static let addedKeys: Set<String> = ["weighted", "measures", "name", "sign", "meetsPositive", "notes"]

    static func jsonDifference(_ expected: String, _ actual: String) -> String? {
        if expected == actual { return nil }
        func parse(_ text: String) -> Any? {
            try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        }
        guard let e = parse(expected), let a = parse(actual) else {
            return "(not both JSON; compared as text)\n" + unifiedDiff(expected, actual)
        }
        guard let (path, was, now) = firstDifference(e, a, path: "$") else { return nil }
        return ["--- golden", "+++ actual", "@@ \(path) @@", "-" + clip(was), "+" + clip(now)].joined(separator: "\n")
    }

    /// JSONSerialization reads true and false as NSNumbers whose type is C `char`.
    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func describe(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The path and both values of the first place where the two parsed values differ.
    static func firstDifference(_ e: Any, _ a: Any, path: String) -> (String, String, String)? {
        switch (e, a) {
        case (is NSNull, is NSNull):
            return nil
        case let (x as String, y as String):
            return x == y ? nil : (path, describe(x), describe(y))
        case let (x as NSNumber, y as NSNumber):
            if isBool(x) || isBool(y) {
                return isBool(x) && isBool(y) && x.boolValue == y.boolValue ? nil : (path, describe(x), describe(y))
            }
            return close(x.doubleValue, y.doubleValue, relative: 1e-9) ? nil : (path, describe(x), describe(y))
        case let (x as [String: Any], y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                let inner = "\(path).\(key)"
                guard let xv = x[key] else {
                    if addedKeys.contains(key) { continue }
                    return (inner, "(absent)", describe(y[key]!))
                }
                guard let yv = y[key] else { return (inner, describe(xv), "(absent)") }
                if let found = firstDifference(xv, yv, path: inner) { return found }
            }
            return nil
        case let (x as [Any], y as [Any]):
            for (k, (xv, yv)) in zip(x, y).enumerated() {
                if let found = firstDifference(xv, yv, path: "\(path)[\(k)]") { return found }
            }
            if x.count != y.count {
                let k = min(x.count, y.count)
                return ("\(path) (\(x.count) items, actual \(y.count))",
                        x.count > k ? describe(x[k]) : "(no item \(k))", y.count > k ? describe(y[k]) : "(no item \(k))")
            }
            return nil
        default:
            return (path, describe(e), describe(a))
        }
    }

    /// Equal within a relative tolerance; differences below 1e-12 are float noise around zero.
    static func close(_ x: Double, _ y: Double, relative: Double) -> Bool {
        x == y || abs(x - y) <= relative * max(abs(x), abs(y)) || abs(x - y) <= 1e-12
    }

    // MARK: CSV

    static func csvDifference(_ expected: String, _ actual: String) -> String? {
        if expected == actual { return nil }
        let e = csvRows(expected), a = csvRows(actual)
        let header = e.first ?? []
        func line(_ row: [String]) -> String { row.joined(separator: ",") }
        for (k, (x, y)) in zip(e, a).enumerated() {
            let mismatch: Int? = x.count != y.count ? min(x.count, y.count)
                : zip(x, y).enumerated().first { !cellsMatch(expected: $1.0, actual: $1.1) }?.offset
            if let column = mismatch {
                let name = column < header.count ? "\"\(header[column])\"" : "\(column + 1)"
                return ["--- golden", "+++ actual", "@@ row \(k + 1), column \(name) @@",
                        "-" + clip(line(x)), "+" + clip(line(y))].joined(separator: "\n")
            }
        }
        if e.count != a.count {
            let k = min(e.count, a.count)
            return ["--- golden", "+++ actual", "@@ \(e.count) rows, actual \(a.count) @@",
                    "-" + (e.count > k ? clip(line(e[k])) : "(no row \(k + 1))"),
                    "+" + (a.count > k ? clip(line(a[k])) : "(no row \(k + 1))")].joined(separator: "\n")
        }
        return nil
    }

    /// Rows of cells: fields separated by commas, quoted fields with "" for a quote and line breaks inside.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": row.append(field); field = ""; afterQuote = false
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            case "\r": break
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Equal text, or two numbers within a relative 1e-6, or an actual number that rounds to the
    /// golden one: within half a unit of the golden cell's last decimal (golden `0.023256`, printed
    /// with 6 decimals, against a full-precision `0.023255813953488372`). Only the golden spelling
    /// sets that allowance, so printing fewer decimals than the golden file does not pass.
    static func cellsMatch(expected: String, actual: String) -> Bool {
        if expected == actual { return true }
        guard let u = number(expected), let v = number(actual) else { return false }
        if close(u, v, relative: 1e-6) { return true }
        let decimals = printedDecimals(expected)
        guard decimals >= 1 else { return false }
        return abs(u - v) <= 0.5 * pow(10, -Double(decimals)) * (1 + 1e-9)
    }

    static func number(_ cell: String) -> Double? {
        guard let first = cell.first, first.isNumber || first == "-",
              cell.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(cell)
    }

    /// Digits after the decimal point, less the exponent: "0.023256" 6, "1.5e-05" 6, "42" 0.
    static func printedDecimals(_ cell: String) -> Int {
        let parts = cell.lowercased().split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first.map(String.init) ?? ""
        let fraction = mantissa.split(separator: ".", maxSplits: 1)
        return (fraction.count == 2 ? fraction[1].count : 0) - exponent
    }
}
