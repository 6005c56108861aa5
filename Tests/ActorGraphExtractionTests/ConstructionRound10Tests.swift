import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The tenth extraction round (docs/EXTRACTION.md): the month May is no modal; a speaker's
/// relative clause is not their report; "X of Y and his counterpart, Z" coordinates the people.

@Suite struct Round10 {
    @Test func theMonthMayIsNoHedge() {
        let cs = extract5("Chile hosted Ada Kell in Santiago last May, when the two leaders agreed to expand cooperation.")
        #expect(has(cs, "chile", .hosts, "ada-kell", .asserted))
        #expect(has(extract5("In May Chile signed a pact with Peru."), "chile", .supports, "peru", .asserted))
        // the modal still hedges
        #expect(has(extract5("Chile may sign a pact with Peru."), "chile", .supports, "peru", .possible))
    }

    @Test func aSpeakersRelativeClauseIsNotTheirReport() {
        let cs = extract5("Chile, which lifted most of its sanctions on Peru in 2024, said it was concerned by the arrest.")
        #expect(has(cs, "chile", .supports, "peru", .asserted))
    }

    @Test func peopleOfStatesCoordinatedThroughACounterpart() {
        let actors = [
            ActorNode(id: "tajikistan", name: "Government of Tajikistan", kind: .government, aliases: ["Tajikistan"], country: "TJ"),
            ActorNode(id: "rahmon", name: "Emomali Rahmon", kind: .person, country: "TJ"),
            ActorNode(id: "japarov", name: "Sadyr Japarov", kind: .person, country: "KG"),
        ]
        let cs = extractWith(actors, "President Emomali Rahmon of Tajikistan and his Kyrgyz counterpart, Sadyr Japarov, met at the crossing.")
        #expect(has(cs, "rahmon", .meets, "japarov") || has(cs, "japarov", .meets, "rahmon"))
        #expect(!cs.contains { $0.source == "tajikistan" || $0.target == "tajikistan" })
    }
}

@Suite struct Round10Closures {
    @Test func closingBorderCrossings() {
        #expect(has(extract5("Chile closed its two remaining crossings on the border with Peru on Tuesday."), "chile", .opposes, "peru"))
        #expect(has(extract5("Norway, which closed its own border with Peru for two weeks, said nothing."), "norway", .opposes, "peru"))
    }
}

@Suite struct Round10Precision {
    @Test func anAdjectivalParticipleIsNoVerb() {
        let cs = extract5("Chile handed 37 jailed gang members to Peru on Tuesday.")
        #expect(!has(cs, "chile", .opposes, "peru"))
    }

    @Test func anIrregularPassiveWithItsAgent() {
        let cs = extract5("Peru, whose northern region has also been hit by Sarni Movement attacks, stayed out.")
        #expect(!has(cs, "peru", .opposes, "sarnis"))
        // a progressive is no passive
        #expect(has(extract5("Peru is demanding that Chile withdraw."), "peru", .opposes, "chile"))
    }

    @Test func theAccusedStandsBeforeOfOrFor() {
        let cs = extract5("Chile blames the flooding for Peruvian losses, officials said.")
        #expect(!has(cs, "chile", .opposes, "peru"))
        let cs2 = extract5("Norway accuses the capital of hosting Chilean troops.")
        #expect(!has(cs2, "norway", .opposes, "chile"))
        #expect(has(extract5("Norway accused Chile of arming the Sarni Movement."), "norway", .opposes, "chile"))
    }

    @Test func supportingAnEventIsNoSupportOfItsParties() {
        let cs = extract5("Norway sponsored the last round of negotiations between Chile and Peru.")
        #expect(!cs.contains { $0.type == .supports })
    }

    @Test func singularDenialsAndOneWayCooperation() {
        let cs = extract5("Chilean officials have dismissed the claim that Peru paid for the dam.")
        #expect(!cs.contains { $0.source == "chile" && $0.modality == .asserted })
        let cs2 = extract5("Chile said it would work with Peru to reopen the crossing.")
        #expect(has(cs2, "chile", .supports, "peru") && !has(cs2, "peru", .supports, "chile"))
    }
}
