import Foundation

/// Turns raw bytes into text, or says where the first byte that is not UTF-8 sits.
enum TextInput {
    enum Failure: Error {
        /// Invalid UTF-8 at the given 1-based line and column (column in scalars).
        case invalidUTF8(SourcePlace)
    }

    /// Decodes UTF-8 (a leading byte-order mark is dropped).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        // Locate the first invalid sequence.
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var line = 1, column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                return .failure(.invalidUTF8(SourcePlace(line: line, column: column)))
            }
        }
        return .failure(.invalidUTF8(SourcePlace(line: line, column: column)))
    }

    /// 1-based line and column (in Unicode scalars) of a UTF-8 byte offset into `text`.
    static func place(ofUTF8Offset offset: Int, in text: String) -> SourcePlace {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePlace(line: line, column: column)
    }
}
