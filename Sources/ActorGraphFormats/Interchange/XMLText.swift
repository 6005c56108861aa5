import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writing XML text: one escaping function for text and attribute values.
///
/// XML 1.0 cannot carry U+0000–U+001F other than tab, line feed and carriage return, nor U+FFFE
/// and U+FFFF, not even as character references: they are removed (docs/DECISIONS.md) and
/// counted in ``removedCharacters`` so the export can say so. Carriage returns, and in attribute
/// values line feeds and tabs, are written as character references, which parsers do not
/// normalise away; `&`, `<`, `>` and `"` as entities.
struct XMLText {
    /// Characters removed so far because XML cannot carry them.
    private(set) var removedCharacters = 0

    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// `text` escaped for element content (`attribute == false`) or a double-quoted attribute value.
    mutating func escape(_ text: String, attribute: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            default:
                if XMLText.isLegal(scalar) { out.append(scalar) } else { removedCharacters += 1 }
            }
        }
        return String(out)
    }

    /// ` key="value"` pairs.
    mutating func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}

/// A parsed XML element: local name, attributes, children and text, with the line it starts on.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
}

/// Parses XML with FoundationXML's SAX parser into ``XMLNode``s. Element and attribute names
/// lose their namespace prefix; namespaces are not processed, which sidesteps FoundationXML's
/// default-namespace bug (attributes stay readable by name).
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    private weak var parser: XMLParser?
    /// Set when elements nest deeper than ``InputLimits/nestingDepth``.
    private var tooDeep = false

    /// The root element, or a diagnostic with the parser's line for malformed XML.
    static func parse(_ bytes: [UInt8], file: String) throws -> XMLNode {
        let parser = XMLParser(data: Data(try utf8Document(bytes, file: file)))
        let builder = XMLTreeBuilder()
        builder.parser = parser
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        let parsed = parser.parse()
        if !parsed && builder.tooDeep {
            throw DiagnosticsError([Diagnostic(file: file, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                                               message: "elements nested deeper than \(InputLimits.nestingDepth) levels")])
        }
        if !parsed || builder.root == nil {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not XML"
            throw DiagnosticsError([Diagnostic(file: file, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                                               message: "the file is not well-formed XML (\(reason))")])
        }
        return builder.root!
    }

    /// Where the first processing instruction with a target and no data ("<?x?>", "<?x ?>")
    /// opens, outside comments and CDATA sections; nil when there is none.
    ///
    /// - Complexity: O(n) in the bytes.
    static func processingInstructionWithoutData(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        let lt = UInt8(ascii: "<"), question = UInt8(ascii: "?"), gt = UInt8(ascii: ">"), newline = UInt8(ascii: "\n")
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func at(_ i: Int, _ text: [UInt8]) -> Bool { bytes[i...].starts(with: text) }
        let skipped = [("<!--", "-->"), ("<![CDATA[", "]]>")].map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var line = 1, lineStart = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == newline { line += 1; lineStart = i + 1; i += 1; continue }
            guard b == lt, i + 1 < n else { i += 1; continue }
            // Skip what is not markup: comments and CDATA (their newlines still counted).
            for (open, close) in skipped where at(i, open) {
                var j = i + open.count
                while j < n, !at(j, close) {
                    if bytes[j] == newline { line += 1; lineStart = j + 1 }
                    j += 1
                }
                i = j
                break
            }
            guard i < n, bytes[i] == lt, i + 1 < n, bytes[i + 1] == question else { i += 1; continue }
            var j = i + 2
            while j < n, !isSpace(bytes[j]), bytes[j] != question { j += 1 }
            let named = j > i + 2
            while j < n, isSpace(bytes[j]) { j += 1 }
            if named, j + 1 < n, bytes[j] == question, bytes[j + 1] == gt {
                return (line, i - lineStart + 1)
            }
            i += 2
        }
        return nil
    }

    /// The document as UTF-8 bytes for FoundationXML, which traps (a crash, not an error) on
    /// element or attribute text that is not UTF-8, even when libxml2 was told of another
    /// encoding it does not know (both found by fuzzing). Without an encoding in the XML
    /// declaration, or with UTF-8, the bytes must be UTF-8. A single-byte encoding Foundation
    /// knows (Latin-1, Windows-1252, ASCII, and the like) is converted here, and the declaration
    /// then says UTF-8, so libxml2 converts nothing. Any other name is an error.
    static func utf8Document(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        func fail(_ message: String, line: Int? = nil, column: Int? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: file, line: line, column: column, message: message)])
        }
        // An XML declaration must name its version ("<?xml version=\"1.0\"?>"); FoundationXML
        // dereferences a null version on "<?xml?>" (found by fuzzing graphml).
        if bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5,
           [UInt8(ascii: "?"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[5]) {
            let head = Array(bytes.prefix(300))
            let end = (5..<max(5, head.count - 1)).first { head[$0] == UInt8(ascii: "?") && head[$0 + 1] == UInt8(ascii: ">") }
            guard let end, String(decoding: head[5..<end], as: UTF8.self).contains("version") else {
                throw fail("the XML declaration has no version (expected <?xml version=\"1.0\" …?>)", line: 1, column: 1)
            }
        }
        // FoundationXML reads a processing instruction's data as a C string without checking
        // for null: "<?x?>" anywhere in the document is a crash (found by fuzzing graphml).
        if let (line, column) = processingInstructionWithoutData(bytes) {
            throw fail("a processing instruction without data (<?name?>), which is not read", line: line, column: column)
        }
        guard let (name, range) = declaredEncoding(bytes), !["utf-8", "utf8"].contains(name.lowercased()) else {
            if case .failure(.invalidUTF8(let place)) = TextInput.decode(bytes) {
                throw fail("the file is not UTF-8 text (invalid byte sequence)", line: place.line, column: place.column)
            }
            return bytes
        }
        let encodings: [String: String.Encoding] = [
            "iso-8859-1": .isoLatin1, "iso_8859-1": .isoLatin1, "latin1": .isoLatin1, "latin-1": .isoLatin1, "l1": .isoLatin1,
            "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252,
            "windows-1250": .windowsCP1250, "windows-1251": .windowsCP1251, "windows-1253": .windowsCP1253,
            "windows-1254": .windowsCP1254, "us-ascii": .ascii, "ascii": .ascii,
        ]
        guard let encoding = encodings[name.lowercased()] else {
            throw fail("the XML declaration names the encoding '\(name.prefix(40))', which is not read "
                       + "(UTF-8, ISO-8859-1/2 and Windows-1250 to 1254 are); save the file as UTF-8", line: 1)
        }
        guard let text = String(bytes: bytes, encoding: encoding) else {
            throw fail("the file is not \(name) text, as its XML declaration says")
        }
        // Up to the encoding's name the declaration is ASCII, so those byte offsets are the
        // converted text's too.
        guard !bytes[..<range.upperBound].contains(where: { $0 >= 0x80 }) else {
            throw fail("the XML declaration is not ASCII text", line: 1)
        }
        var out = Array(text.utf8)
        out.replaceSubrange(range, with: Array("UTF-8".utf8))
        return out
    }

    /// The encoding named in the XML declaration and the byte range of its value, when the
    /// document starts with a declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
    static func declaredEncoding(_ bytes: [UInt8]) -> (String, Range<Int>)? {
        let head = Array(bytes.prefix(300))
        guard head.starts(with: Array("<?xml".utf8)),
              let end = (0..<max(0, head.count - 1)).first(where: { head[$0] == UInt8(ascii: "?") && head[$0 + 1] == UInt8(ascii: ">") })
        else { return nil }
        let declaration = Array(head[..<end])
        let key = Array("encoding".utf8)
        guard declaration.count > key.count,
              let at = (0...(declaration.count - key.count)).first(where: { Array(declaration[$0..<($0 + key.count)]) == key })
        else { return nil }
        var i = at + key.count
        while i < declaration.count, declaration[i] == 0x20 || declaration[i] == 0x09 { i += 1 }
        guard i < declaration.count, declaration[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < declaration.count, declaration[i] == 0x20 || declaration[i] == 0x09 { i += 1 }
        guard i < declaration.count, declaration[i] == UInt8(ascii: "\"") || declaration[i] == UInt8(ascii: "'") else { return nil }
        let quote = declaration[i], start = i + 1
        guard let close = declaration[start...].firstIndex(of: quote) else { return nil }
        return (String(decoding: declaration[start..<close], as: UTF8.self), start..<close)
    }

    /// The root element named `root` and its first `<graph>`, or a diagnostic naming `format`.
    static func graphDocument(_ bytes: [UInt8], file: String, root name: String, format: String) throws -> (root: XMLNode, graph: XMLNode) {
        let root = try parse(bytes, file: file)
        guard root.name == name, let graph = root.child("graph") else {
            throw DiagnosticsError([Diagnostic(file: file, line: root.line, message: "not \(format): expected <\(name)> with a <graph>")])
        }
        return (root, graph)
    }

    static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        var plain: [String: String] = [:]
        for (key, value) in attributes where !key.hasPrefix("xmlns") { plain[XMLTreeBuilder.local(key)] = value }
        if stack.count >= InputLimits.nestingDepth {
            tooDeep = true
            parser.abortParsing()
            return
        }
        let node = XMLNode(name: XMLTreeBuilder.local(elementName), attributes: plain, line: parser.lineNumber)
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        if !stack.isEmpty { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
