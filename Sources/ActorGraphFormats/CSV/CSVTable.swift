/// A parsed CSV table (RFC 4180): a header row and data rows, each cell with its place.
///
/// Fields are separated by commas; a field may be enclosed in double quotes, inside which `""`
/// stands for one quote and commas and line breaks are literal. Lines end with LF or CRLF.
/// A final line break is optional. Empty lines are skipped.
///
/// The table keeps the file's bytes and where each row starts; a row's cells become strings only
/// when the row is read, so a large table costs its bytes plus eight bytes a row.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public var line: Int
        public var cells: [String]
        /// 1-based column (in Unicode scalars) where each cell starts.
        public var columns: [Int]
    }

    /// The data rows, parsed one at a time as they are read.
    public struct Rows: RandomAccessCollection, Sendable {
        let bytes: [UInt8]
        let starts: [Int32]
        let lines: [Int32]
        /// Cells per row (the header's), so that a row's arrays are allocated once.
        var width = 0
        /// Whether every byte is ASCII: a column is then a byte offset, not a count of scalars.
        var ascii = false
        public var startIndex: Int { 0 }
        public var endIndex: Int { starts.count }
        public subscript(position: Int) -> Row {
            var cursor = Cursor(bytes: bytes, at: Int(starts[position]), line: Int(lines[position]), ascii: ascii)
            // The first pass checked the structure: this cannot fail.
            return (try? cursor.row(width: width)) ?? Row(line: Int(lines[position]), cells: [], columns: [])
        }

        /// Reads row `position` into `row`, reusing its arrays: a loop over many rows then
        /// allocates nothing per row but the cells' own text.
        func read(_ position: Int, into row: inout Row) {
            var cursor = Cursor(bytes: bytes, at: Int(starts[position]), line: Int(lines[position]), ascii: ascii)
            row.cells.removeAll(keepingCapacity: true)
            row.columns.removeAll(keepingCapacity: true)
            row.line = Int(lines[position])
            // The first pass checked the structure: this cannot fail.
            try? cursor.scanRow(into: &row.cells, columns: &row.columns)
        }
    }

    public var header: [String]
    public var headerColumns: [Int]
    public var rows: Rows

    /// Parses UTF-8 CSV bytes. Reports the first structural error (an unterminated quoted field,
    /// text after a closing quote, a row with the wrong number of cells) with its place.
    ///
    /// - Complexity: O(n) in the number of bytes; no string is made for a data cell until its row
    ///   is read.
    public static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        // ASCII is valid UTF-8: only other text is validated (which makes a temporary string).
        let ascii = body.withUnsafeBufferPointer { b in !b.contains { $0 >= 0x80 } }
        if !ascii, String(validating: body, as: UTF8.self) == nil,
           case .failure(.invalidUTF8(let place)) = TextInput.decode(body) {
            throw DiagnosticsError([Diagnostic(file: file, line: place.line, column: place.column,
                                               message: "the file is not UTF-8 text (invalid byte sequence)")])
        }
        var cursor = Cursor(bytes: body, at: 0, line: 1, ascii: ascii)
        var header: Row?
        var starts: [Int32] = [], lines: [Int32] = []
        do {
            while let (start, line) = cursor.skipEmptyLines() {
                if header == nil {
                    header = try cursor.row()
                    continue
                }
                let count = try cursor.skipRow()
                guard count == header!.cells.count else {
                    throw DiagnosticsError([Diagnostic(
                        file: file, line: line, column: 1,
                        message: "row has \(count) cells but the header has \(header!.cells.count)")])
                }
                starts.append(Int32(start))
                lines.append(Int32(line))
            }
        } catch let failure as Cursor.Failure {
            throw DiagnosticsError([Diagnostic(file: file, line: failure.line, column: failure.column, message: failure.message)])
        }
        guard let header else {
            throw DiagnosticsError([Diagnostic(file: file, message: "the file is empty; expected a header row")])
        }
        return CSVTable(header: header.cells, headerColumns: header.columns,
                        rows: Rows(bytes: body, starts: starts, lines: lines, width: header.cells.count, ascii: ascii))
    }

    /// Reads rows from a place in the bytes.
    struct Cursor {
        struct Failure: Error { var line: Int, column: Int, message: String }

        let bytes: [UInt8]
        var i: Int
        var line: Int
        var lineStart: Int
        let ascii: Bool

        init(bytes: [UInt8], at offset: Int, line: Int, ascii: Bool = false) {
            self.bytes = bytes
            self.ascii = ascii
            i = offset
            self.line = line
            var s = offset
            while s > 0 && bytes[s - 1] != UInt8(ascii: "\n") { s -= 1 }
            lineStart = s
        }

        /// 1-based column (in Unicode scalars) of byte offset `at` on the current line.
        func column(_ at: Int) -> Int {
            var count = 1
            for k in lineStart..<at where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        func fail(_ message: String, at offset: Int) -> Failure {
            Failure(line: line, column: column(offset), message: message)
        }

        /// Skips empty lines; the start and line of the next row, or nil at the end.
        mutating func skipEmptyLines() -> (Int, Int)? {
            let n = bytes.count
            while i < n {
                if bytes[i] == UInt8(ascii: "\n") { i += 1; line += 1; lineStart = i; continue }
                if bytes[i] == UInt8(ascii: "\r"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "\n") {
                    i += 2; line += 1; lineStart = i; continue
                }
                return (i, line)
            }
            return nil
        }

        /// Reads one row with its cells.
        mutating func row(width: Int = 0) throws -> Row {
            let rowLine = line
            var cells: [String] = [], columns: [Int] = []
            cells.reserveCapacity(width)
            columns.reserveCapacity(width)
            try scanRow(into: &cells, columns: &columns)
            return Row(line: rowLine, cells: cells, columns: columns)
        }

        /// Appends one row's cells and their columns.
        mutating func scanRow(into cells: inout [String], columns: inout [Int]) throws {
            let bytes = self.bytes
            try scan(columns: true) { start, end, quoted, column in
                columns.append(column)
                if quoted {
                    var cell: [UInt8] = []
                    cell.reserveCapacity(end - start)
                    var k = start
                    while k < end {
                        cell.append(bytes[k])
                        k += bytes[k] == UInt8(ascii: "\"") ? 2 : 1
                    }
                    cells.append(String(decoding: cell, as: UTF8.self))
                } else {
                    cells.append(String(decoding: bytes[start..<end], as: UTF8.self))
                }
            }
        }

        /// Checks one row's structure and returns its number of cells, making no strings.
        mutating func skipRow() throws -> Int {
            var count = 0
            try scan(columns: false) { _, _, _, _ in count += 1 }
            return count
        }

        /// Walks the cells of one row: for each, the byte range of its content (inside the quotes
        /// for a quoted cell, where `""` stands for one quote), whether it was quoted, and its column
        /// (counted on from the previous cell's, so a row costs O(its bytes); 0 when `columns` is false).
        mutating func scan(columns: Bool, _ cell: (Int, Int, Bool, Int) -> Void) throws {
            let n = bytes.count
            var base = lineStart, baseColumn = 1  // baseColumn is the column of byte `base`
            while true {
                var at = 0
                if columns && ascii {
                    at = i - lineStart + 1
                } else if columns {
                    if base < lineStart { base = lineStart; baseColumn = 1 }  // a quoted cell ran over lines
                    for k in base..<i where bytes[k] & 0xC0 != 0x80 { baseColumn += 1 }
                    base = i
                    at = baseColumn
                }
                if i < n, bytes[i] == UInt8(ascii: "\"") {
                    let openLine = line
                    let openOffset = i, openLineStart = lineStart  // for the error, counted only then
                    i += 1
                    let start = i
                    var closed = false
                    while i < n {
                        let c = bytes[i]
                        if c == UInt8(ascii: "\"") {
                            if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                            closed = true
                            break
                        }
                        if c == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                    guard closed else { throw Failure(line: openLine, column: (openLineStart..<openOffset).reduce(1) { $0 + (bytes[$1] & 0xC0 != 0x80 ? 1 : 0) },
                                                   message: "unterminated quoted field") }
                    cell(start, i, true, at)
                    i += 1
                    if i < n, !isFieldEnd(bytes[i]) {
                        throw fail("unexpected text after a closing quote (a quote inside a quoted "
                                   + "field must be doubled)", at: i)
                    }
                } else {
                    let start = i
                    while i < n, !isFieldEnd(bytes[i]) {
                        if bytes[i] == UInt8(ascii: "\"") {
                            throw fail("a quote inside an unquoted field (enclose the field in quotes "
                                       + "and double the quote)", at: i)
                        }
                        i += 1
                    }
                    cell(start, i, false, at)
                }
                if i < n, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if i < n, bytes[i] == UInt8(ascii: "\r") { i += 1 }
                if i < n, bytes[i] == UInt8(ascii: "\n") { i += 1; line += 1; lineStart = i }
                return
            }
        }

        func isFieldEnd(_ c: UInt8) -> Bool {
            c == UInt8(ascii: ",") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
        }
    }

    /// Writes rows as CSV: a field is quoted when it holds a comma, quote, CR or LF, or starts or
    /// ends with a space; quotes inside are doubled. Lines end with LF.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        func field(_ s: String) {
            let needsQuotes = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
                || s.hasPrefix(" ") || s.hasSuffix(" ")
            if needsQuotes {
                out += "\""
                out += s.replacingAll("\"", with: "\"\"")
                out += "\""
            } else {
                out += s
            }
        }
        for row in [header] + rows {
            for (j, cell) in row.enumerated() {
                if j > 0 { out += "," }
                field(cell)
            }
            out += "\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
