import ActorGraphCore
import Testing

struct TextFoldingTests {
    @Test func quoteKeyFoldsTypographicQuotesAndWhiteSpace() {
        #expect(TextFolding.quoteKey("  the Iraqi government’s\n  “categorical”\trejection ")
                == "the Iraqi government's \"categorical\" rejection")
        #expect(TextFolding.quoteKey("a\u{00A0}b") == "a b")
    }

    @Test func quoteKeyComposesAccents() {
        #expect(TextFolding.quoteKey("Erdog\u{0306}an") == TextFolding.quoteKey("Erdoğan"))
    }

    @Test func quoteKeyKeepsEverythingElse() {
        #expect(TextFolding.quoteKey("<b> & \\ 'x'") == "<b> & \\ 'x'")
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("nmae", "name", 1), ("same", "same", 0),
                      ("supports", "support", 1), ("ab", "ba", 1)])
    func editDistance(_ a: String, _ b: String, _ d: Int) {
        #expect(TextFolding.editDistance(a, b) == d)
        #expect(TextFolding.editDistance(b, a) == d)
    }

    @Test func suggestionsOnlyForPlausibleTypos() {
        #expect(TextFolding.suggestion(for: "milita", among: ["militia", "group"]) == "militia")
        #expect(TextFolding.suggestion(for: "rumoured", among: ["asserted", "reported"]) == nil)
    }
}
