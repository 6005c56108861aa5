import ActorGraphCore
import ActorGraphExtraction
import Testing

/// Session of 30 November, morning (docs/EXTRACTION.md): a subject opened by a negative
/// determiner denies its clause's act; "back" after "put" or "set" is an adverb.
@Suite struct Round20Constructions {
    @Test func aNegativeSubjectDeniesTheAct() {
        // "no member of his cabinet had met X": the cabinet met nobody
        #expect(has(extract13("Chile said that no member of its cabinet had met Bo Lund."), "chile", .meets, "bo-lund", .denied))
        #expect(has(extract13("No Chilean minister met Bo Lund in Lima."), "chile", .meets, "bo-lund", .denied))
        #expect(has(extract13("A Chilean minister met Bo Lund in Lima."), "chile", .meets, "bo-lund", .asserted))
        // the same clause without the determiner is asserted, and "no" elsewhere is not the subject's
        #expect(has(extract13("Chile said that a member of its cabinet had met Bo Lund."), "chile", .meets, "bo-lund", .asserted))
        #expect(has(extract13("With no warning, Chile condemned Bo Lund."), "chile", .opposes, "bo-lund", .asserted))
        // "No." before a number is an abbreviation, not a negation
        #expect(has(extract13("No. 2 official Ada Kell met Bo Lund in Lima."), "ada-kell", .meets, "bo-lund", .asserted))
    }

    @Test func backAfterPutIsAnAdverb() {
        // "was put back on the list": no one backs anyone
        let cs = extract13("Peru was put back on the list by Chile in 2013, a decision Norway criticised.")
        #expect(!cs.contains { $0.type == .supports })
        #expect(has(extract13("Chile backed Peru in 2013."), "chile", .supports, "peru"))
    }
}
