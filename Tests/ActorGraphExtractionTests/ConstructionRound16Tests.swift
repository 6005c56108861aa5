import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The sixteenth extraction round (docs/EXTRACTION.md): forces stationed in a place, briefings,
/// staff moved abroad, a portfolio before a title, bargains struck, possessive appositions.
@Suite struct Round16 {
    @Test func stationedBriefedAndMoved() {
        #expect(has(extract14("The Tern Liberation Front has been stationed in western Chile since 1962."), "chile", .hosts, "tern-front"))
        #expect(has(extract14("Bo Lund said he had briefed Ada Kell by telephone on Monday."), "bo-lund", .meets, "ada-kell"))
        let moved = extract14("The Tern Liberation Front, which moved its staff to Chile and Peru last year, said nothing.")
        #expect(has(moved, "chile", .hosts, "tern-front") && has(moved, "peru", .hosts, "tern-front"))
        #expect(extract14("Ada Kell briefed reporters.").isEmpty)
    }

    @Test func aPortfolioBelongsToTheTitle() {
        #expect(has(extract14("There were talks between Chile and Finance Minister Bo Lund."), "chile", .meets, "bo-lund"))
        // a capitalised word of a title is no verb ("Finance" is a supporting verb)
        #expect(!extract14("Talks in Lima followed, with Finance Minister Bo Lund present.").contains { $0.type == .supports })
    }

    @Test func aBargainStruckIsNoAttack() {
        #expect(extract14("Chile strikes Peru deal as Norway watches.").filter { $0.type == .opposes }.isEmpty)
        #expect(has(extract14("Chile struck Peru on Monday."), "chile", .opposes, "peru"))
    }

    @Test func aPossessiveOpensAnApposition() {
        let cs = extract14("Chile, Peru's largest bilateral lender, has agreed to restructure loans.")
        #expect(!has(cs, "peru", .supports, "chile") && !has(cs, "chile", .supports, "peru"))
    }
}
