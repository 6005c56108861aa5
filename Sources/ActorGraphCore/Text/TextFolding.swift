import Foundation

/// Text normalisation shared by name look-up and quote verification.
public enum TextFolding {
    /// Folds case and diacritics, and drops everything but letters and digits, so that
    /// "Al-Sudani", "al Sudani" and "ALSUDANI" all fold to "alsudani".
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func nameKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive,
                                            .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Normalises a quote or document text for containment checks: typographic quotes become
    /// ASCII (`’ ‘ ‛ ′` → `'`, `“ ” „ ″` → `"`), every run of white space (including no-break
    /// spaces and line breaks) becomes one space, and the ends are trimmed. Unicode canonical
    /// composition (NFC) is applied first, so precomposed and combining accents match.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func quoteKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "\u{02BC}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": out.append("\"")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text with every run of white space (line breaks included) turned into one space and
    /// the ends trimmed; every other character is kept as it is. For one-line display of quotes.
    public static func singleLine(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let blank = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value))
                                       : scalar.properties.isWhitespace
            if blank {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Edit distance between two strings by Unicode scalars, counting an insertion, a deletion,
    /// a substitution or a swap of two neighbours as one edit (optimal string alignment).
    ///
    /// - Complexity: O(n·m) time, O(m) space.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word`, when it is close enough to be a plausible typo
    /// (distance at most a third of the word's length, and at least 1).
    public static func suggestion<S: Sequence>(for word: String, among candidates: S) -> String?
    where S.Element == String {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(word.lowercased(), candidate.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }
}
