import ActorGraphCore
import Testing

struct PartialDateTests {
    @Test(arguments: ["2023", "2023-01", "2023-01-09", "2024-02-29", "0001-12-31"])
    func parsesValidDates(_ text: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["", "23", "2023-1", "2023-13", "2023-02-29", "2023-04-31", "2023-01-00",
                      "2023/01/09", "Jan 2023", "2023-01-09T00:00", " 2023", "+2023", "0000"])
    func rejectsInvalidDates(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func precisionAndInterval() throws {
        let month = try #require(PartialDate("2023-02"))
        #expect(month.precision == .month)
        #expect(month.start == (2023, 2, 1))
        #expect(month.end == (2023, 2, 28))
        let year = try #require(PartialDate("2024"))
        #expect(year.end == (2024, 12, 31))
    }

    @Test func orderingPutsCoarserFirstOnTheSameStart() throws {
        let dates = ["2023-01-01", "2023", "2022-12-31", "2023-01"].compactMap(PartialDate.init)
        #expect(dates.sorted().map(\.description) == ["2022-12-31", "2023", "2023-01", "2023-01-01"])
    }

    @Test func overlapChecks() throws {
        let june = try #require(PartialDate("2023-06"))
        let may31 = try #require(PartialDate("2023-05-31"))
        let june15 = try #require(PartialDate("2023-06-15"))
        #expect(may31.endsBefore(june))
        #expect(!june15.endsBefore(june))
        #expect(june.startsOnOrBefore(june15))
    }
}
