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
