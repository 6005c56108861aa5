import Foundation
import _FoundationICU

/// A word or punctuation mark of an article, with its place in the text.
public struct Token: Sendable {
    public enum Kind: Sendable { case word, number, punctuation, possessive }

    public var range: Range<String.Index>
    /// Folded form: lower case, no diacritics, no apostrophes ("Kata'ib" → "kataib").
    public var key: String
    public var kind: Kind
    /// First letter upper case.
    public var isCapitalized: Bool
    /// Every letter upper case (and at least two letters, or an abbreviation such as "U.S.").
    public var isAllCaps: Bool
    /// Joined to the previous token by a hyphen with no space ("Iran-backed").
    public var hyphenBefore: Bool

    /// Folds one word: lower case, diacritics removed, apostrophes removed.
    public static func fold(_ word: some StringProtocol) -> String {
        var ascii = true
        for byte in word.utf8 where byte >= 0x80 { ascii = false; break }
        var text = ascii ? word.lowercased()
            : String(word).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if text.contains(where: { Token.apostrophes.contains($0) || $0 == "." }) {
            text.removeAll { Token.apostrophes.contains($0) || $0 == "." }
        }
        return text
    }

    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{02BB}"]
    static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}"]

    /// The folded word keys of a phrase (hyphens and punctuation dropped; "'s" kept as "'s").
    public static func words(_ phrase: String) -> [String] {
        Tokenizer.tokens(in: phrase, range: phrase.startIndex..<phrase.endIndex)
            .filter { $0.kind != .punctuation }.map(\.key)
    }
}

/// Splits text into tokens.
public enum Tokenizer {
    /// The tokens of `text[range]`.
    ///
    /// - Complexity: O(n) in the length of the range.
    public static func tokens(in text: String, range: Range<String.Index>) -> [Token] {
        var tokens: [Token] = []
        var i = range.lowerBound
        let end = range.upperBound
        var hyphenPending = false
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < end {
            let c = text[i]
            if c.isWhitespace { hyphenPending = false; i = text.index(after: i); continue }
            if isWordChar(c) {
                let start = i
                var j = text.index(after: i)
                var possessiveAt: String.Index?
                var negationAt: String.Index?
                while j < end {
                    let d = text[j]
                    if isWordChar(d) { j = text.index(after: j); continue }
                    // "1,000" and "2.5" are one number: a comma or point between digits.
                    if d == "," || d == ".", text[start].isNumber, text[text.index(before: j)].isNumber {
                        let next = text.index(after: j)
                        if next < end, text[next].isNumber { j = text.index(after: next); continue }
                    }
                    if Token.apostrophes.contains(d) {
                        let next = text.index(after: j)
                        guard next < end, text[next].isLetter else { break }
                        let after = text.index(after: next)
                        let nextIsS = text[next] == "s" || text[next] == "S"
                        if nextIsS && (after >= end || !isWordChar(text[after])) { possessiveAt = j; break }
                        let nextIsT = text[next] == "t" || text[next] == "T"
                        if nextIsT && (after >= end || !isWordChar(text[after])),
                           let last = text[..<j].last, last == "n" || last == "N" {
                            let n = text.index(before: j)
                            if n > start { negationAt = n; break }
                            j = after
                            break
                        }
                        j = next
                        continue
                    }
                    // Abbreviations with periods: U.S., U.N.
                    if d == ".", text.distance(from: start, to: j) == 1 || text[text.index(before: j)].isUppercase,
                       text[text.index(before: j)].isUppercase {
                        let next = text.index(after: j)
                        if next < end, text[next].isUppercase {
                            let after = text.index(after: next)
                            if after < end, text[after] == "." { j = text.index(after: after); continue }
                        }
                    }
                    break
                }
                let wordEnd = negationAt ?? j
                let word = text[start..<wordEnd]
                let letters = word.filter(\.isLetter)
                let allCaps = letters.count >= 2 && letters.allSatisfy(\.isUppercase)
                // "3R", "5G": a digit before a capital letter opens a name, not a number ("1990s", "15th").
                let digitLedName = word.first!.isNumber && letters.first?.isUppercase == true && !allCaps
                    && !["M", "K", "B", "G", "S", "X"].contains(letters)
                let isNumber = word.first!.isNumber && !digitLedName
                tokens.append(Token(range: start..<wordEnd, key: Token.fold(word), kind: isNumber ? .number : .word,
                                    isCapitalized: word.first!.isUppercase || digitLedName, isAllCaps: allCaps,
                                    hyphenBefore: hyphenPending))
                hyphenPending = false
                if let negationAt {
                    j = text.index(j, offsetBy: 2)
                    tokens.append(Token(range: negationAt..<j, key: "nt", kind: .word, isCapitalized: false,
                                        isAllCaps: false, hyphenBefore: false))
                }
                if let possessiveAt {
                    let sEnd = text.index(possessiveAt, offsetBy: 2)
                    tokens.append(Token(range: possessiveAt..<sEnd, key: "'s", kind: .possessive,
                                        isCapitalized: false, isAllCaps: false, hyphenBefore: false))
                    j = sEnd
                }
                i = j
                continue
            }
            let next = text.index(after: i)
            if Token.hyphens.contains(c), let last = tokens.last, last.range.upperBound == i,
               next < end, isWordChar(text[next]) {
                hyphenPending = true
                i = next
                continue
            }
            tokens.append(Token(range: i..<next, key: String(c), kind: .punctuation, isCapitalized: false,
                                isAllCaps: false, hyphenBefore: false))
            hyphenPending = false
            i = next
        }
        return tokens
    }
}

/// Sentence boundaries from ICU's break iterator (through Foundation's bundled ICU), inside
/// lines: a line break always ends a sentence, so titles, date lines and paragraphs stay apart.
public enum SentenceSplitter {
    /// The ranges of the sentences of `text`, trimmed of surrounding white space.
    public static func sentences(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(where: \.isNewline) ?? text.endIndex
            if lineStart < lineEnd { split(text, lineStart..<lineEnd, into: &result) }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return result
    }

    /// Whether text ends with an initialism such as "U.N." or "U.S.".
    static func endsWithInitialism(_ text: Substring) -> Bool {
        let chars = Array(text.suffix(5))
        guard chars.count >= 4, chars[chars.count - 1] == ".", chars[chars.count - 2].isUppercase,
              chars[chars.count - 3] == ".", chars[chars.count - 4].isUppercase else { return false }
        return chars.count == 4 || !chars[chars.count - 5].isLetter
    }

    static func split(_ text: String, _ line: Range<String.Index>, into result: inout [Range<String.Index>]) {
        let units = Array(text[line].utf16)
        guard !units.isEmpty else { return }
        var offsets: [Int] = [0]
        units.withUnsafeBufferPointer { buffer in
            var status = U_ZERO_ERROR
            guard let iterator = swift_ubrk_open(UBRK_SENTENCE, "en_US@ss=standard", buffer.baseAddress,
                                                 Int32(buffer.count), &status), status.rawValue <= 0 else {
                return
            }
            defer { swift_ubrk_close(iterator) }
            _ = swift_ubrk_first(iterator)
            var next = swift_ubrk_next(iterator)
            while next != UBRK_DONE {
                offsets.append(Int(next))
                next = swift_ubrk_next(iterator)
            }
        }
        if offsets.last != units.count { offsets.append(units.count) }
        let utf16 = text.utf16
        var previous = line.lowerBound
        var previousOffset = 0
        for offset in offsets.dropFirst() {
            let upper = utf16.index(previous, offsetBy: offset - previousOffset)
            let lower = previous
            previous = upper
            previousOffset = offset
            // Trim white space; skip sentences with no letters or digits.
            var a = lower, b = upper
            while a < b, text[a].isWhitespace { a = text.index(after: a) }
            while b > a, text[text.index(before: b)].isWhitespace { b = text.index(before: b) }
            guard a < b, text[a..<b].contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            // ICU ends a sentence after "U.N." or "U.S." before a capital ("U.N. Security
            // Council"); an initialism of two or more letters does not end one here.
            if let last = result.last, last.upperBound <= a, endsWithInitialism(text[last]), text[a].isUppercase,
               !text[last.upperBound..<a].contains(where: \.isNewline) {
                result[result.count - 1] = last.lowerBound..<b
            } else {
                result.append(a..<b)
            }
        }
    }
}
