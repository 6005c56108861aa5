import ActorGraphCore
import Foundation

/// Dates from an article's date line and from relative expressions in a sentence.
public enum DateResolver {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]

    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }

    /// The publication date printed in the first lines of an article ("December 9, 2022",
    /// "9 December 2022", "2022-12-09"), if there is one.
    public static func articleDate(in text: String) -> PartialDate? {
        var lines = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            lines += 1
            if lines > 6 { break }
            let tokens = Tokenizer.tokens(in: trimmed, range: trimmed.startIndex..<trimmed.endIndex)
            guard tokens.count <= 16 else { continue }
            for i in tokens.indices {
                if let (date, _) = explicitDate(tokens, at: i, base: nil, requireYear: true), date.day != nil { return date }
            }
            if let iso = trimmed.split(separator: " ").lazy.compactMap({ PartialDate(String($0.prefix(10))) })
                .first(where: { $0.day != nil }) {
                return iso
            }
        }
        return nil
    }

    /// A date written out at token `i`: "October 7[, 2023]", "7 October [2023]", "October 2023".
    static func explicitDate(_ tokens: [Token], at i: Int, base: PartialDate?, requireYear: Bool) -> (PartialDate, Int)? {
        func number(_ k: Int) -> Int? {
            guard k < tokens.count, tokens[k].kind == .number else { return nil }
            return Int(tokens[k].key)
        }
        func year(_ k: Int) -> Int? {
            var k = k
            if k < tokens.count, tokens[k].key == "," { k += 1 }
            guard let y = number(k), (1000...9999).contains(y) else { return nil }
            return y
        }
        guard let month = months[tokens[i].key], tokens[i].isCapitalized || tokens[i].isAllCaps,
              tokens[i].key != "may" || number(i + 1) != nil else {
            // "7 October 2023"
            if let day = number(i), (1...31).contains(day), i + 1 < tokens.count,
               let month = months[tokens[i + 1].key], tokens[i + 1].isCapitalized || tokens[i + 1].isAllCaps {
                let y = year(i + 2)
                if requireYear && y == nil { return nil }
                return dated(y, month, day, base).map { ($0, i + (y == nil ? 2 : 3)) }
            }
            return nil
        }
        if let day = number(i + 1), (1...31).contains(day) {
            let y = year(i + 2)
            if requireYear && y == nil { return nil }
            return dated(y, month, day, base).map { ($0, i + 2) }
        }
        if let y = year(i + 1) { return PartialDate(year: y, month: month).map { ($0, i + 2) } }
        if requireYear { return nil }
        return dated(nil, month, nil, base).map { ($0, i + 1) }
    }

    /// A date with the base's year when none is given (the year before when that would be in
    /// the future).
    static func dated(_ year: Int?, _ month: Int, _ day: Int?, _ base: PartialDate?) -> PartialDate? {
        if let year { return PartialDate(year: year, month: month, day: day) }
        guard let base else { return nil }
        var y = base.year
        if let bm = base.month, month > bm { y -= 1 }
        return PartialDate(year: y, month: month, day: day)
    }

    static func shift(_ base: PartialDate, days: Int) -> PartialDate? {
        guard let day = base.day, let month = base.month,
              let date = calendar.date(from: DateComponents(year: base.year, month: month, day: day)),
              let shifted = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: shifted)
        return PartialDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The date a sentence's events have: the first date expression in it resolved against
    /// `base` (the article's date), or `base`.
    public static func date(of tokens: [Token], base: PartialDate?) -> PartialDate? {
        for i in tokens.indices {
            let key = tokens[i].key
            let next = i + 1 < tokens.count ? tokens[i + 1].key : ""
            if let (date, _) = explicitDate(tokens, at: i, base: base, requireYear: false) { return date }
            if tokens[i].kind == .number, let y = Int(key), (1900...2100).contains(y), i > 0,
               ["in", "since", "of"].contains(tokens[i - 1].key) {
                return PartialDate(year: y)
            }
            guard let base else { continue }
            if let weekday = weekdays[key], tokens[i].isCapitalized {
                guard base.day != nil, let month = base.month,
                      let date = calendar.date(from: DateComponents(year: base.year, month: month, day: base.day!)) else {
                    return base
                }
                let current = calendar.component(.weekday, from: date)
                let back = (current - weekday + 7) % 7
                return shift(base, days: -back)
            }
            switch (key, next) {
            case ("yesterday", _): return shift(base, days: -1) ?? base
            case ("today", _), ("this", "week"), ("this", "month"), ("this", "year"): return base
            case ("last", "week"):
                let d = shift(base, days: -7) ?? base
                return d.month.map { PartialDate(year: d.year, month: $0)! } ?? d
            case ("last", "month"):
                guard let m = base.month else { return base }
                return m == 1 ? PartialDate(year: base.year - 1, month: 12) : PartialDate(year: base.year, month: m - 1)
            case ("last", "year"): return PartialDate(year: base.year - 1)
            default: break
            }
        }
        return base
    }
}
