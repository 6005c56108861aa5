/// A calendar date known to year, month or day precision: `2023`, `2023-01`, `2023-01-09`.
///
/// News rarely dates an event to the day; a relation dated `2023-11` says "some time in November
/// 2023". Comparisons use the first day the date can mean (``start``); ``start`` and ``end``
/// give the whole interval, and ``startsOnOrBefore(_:)`` and ``endsBefore(_:)`` compare intervals.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `year << 9 | month << 5 | day`, 0 for an absent month or day: four bytes a date, and its
    /// order is the order of dates (a coarser date first when two start together).
    let packed: UInt32

    public var year: Int { Int(packed >> 9) }
    public var month: Int? { let m = Int(packed >> 5 & 0xF); return m == 0 ? nil : m }
    public var day: Int? { let d = Int(packed & 0x1F); return d == 0 ? nil : d }

    /// Precision of a partial date.
    public enum Precision: String, Sendable { case year, month, day }

    /// Creates a date, or returns `nil` when the fields do not name a real calendar date
    /// (month 1–12, day valid for the month, including 29 February in leap years).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if day != nil && month == nil { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day {
            guard day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        packed = UInt32(year) << 9 | UInt32(month ?? 0) << 5 | UInt32(day ?? 0)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar dates, four-digit years).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part) else { return nil }
            numbers.append(value)
        }
        self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
                  day: numbers.count > 2 ? numbers[2] : nil)
    }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// The first day the date can mean, as (year, month, day).
    public var start: (year: Int, month: Int, day: Int) { (year, month ?? 1, day ?? 1) }

    /// The last day the date can mean, as (year, month, day).
    public var end: (year: Int, month: Int, day: Int) {
        let m = month ?? 12
        return (year, m, day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// A sortable integer for a (year, month, day) triple.
    static func ordinal(_ d: (year: Int, month: Int, day: Int)) -> Int {
        d.year * 10_000 + d.month * 100 + d.day
    }

    /// Whether some day of this date falls on or before the last day of `other`.
    public func startsOnOrBefore(_ other: PartialDate) -> Bool {
        PartialDate.ordinal(start) <= PartialDate.ordinal(other.end)
    }

    /// Whether the last day of this date is before the first day of `other`.
    public func endsBefore(_ other: PartialDate) -> Bool {
        PartialDate.ordinal(end) < PartialDate.ordinal(other.start)
    }

    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// By first day; with the same first day the coarser date sorts first (2023 < 2023-01 <
    /// 2023-01-01). The packed value orders exactly so.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.packed < rhs.packed }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
