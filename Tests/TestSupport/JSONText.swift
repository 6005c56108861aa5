import Foundation

/// `text` as a JSON string literal, quotes included: `"`, `\` and control characters escaped
/// (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`); with `asciiOnly`, every scalar above U+007E
/// too, as UTF-16 `\uXXXX` units (surrogate pairs beyond the BMP). Written for the tests' own
/// JSON (golden manifests, YAML fixtures converted to JSON) so that they need no JSON encoder
/// of the code under test.
public func jsonQuoted(_ text: String, asciiOnly: Bool = false) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
