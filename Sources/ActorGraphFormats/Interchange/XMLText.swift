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
        // FoundationXML traps (a crash, not an error) on element or attribute text that is not
        // UTF-8 (found by fuzzing): refuse such bytes first, unless the XML declaration names
        // another encoding, which libxml2 then converts to UTF-8 itself.
        if !declaresOtherEncoding(bytes), case .failure(.invalidUTF8(let place)) = TextInput.decode(bytes) {
            throw DiagnosticsError([Diagnostic(file: file, line: place.line, column: place.column,
                                               message: "the file is not UTF-8 text (invalid byte sequence)")])
        }
        let parser = XMLParser(data: Data(bytes))
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

    /// Whether the XML declaration names an encoding other than UTF-8 (`encoding="ISO-8859-1"`).
    static func declaresOtherEncoding(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        guard head.hasPrefix("<?xml"), let end = head.range(of: "?>"),
              let encoding = head[..<end.lowerBound].range(of: "encoding=") else { return false }
        let value = head[encoding.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        return !["utf-8", "utf8"].contains(String(value))
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
