import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The constructions added in the fourth extraction round (docs/EXTRACTION.md): descriptions that
/// stand for an actor, "fight alongside", reciprocal blame. Invented actors, general sentences.
let round4Graph = ActorGraph(actors: [
    ActorNode(id: "dravia", name: "Government of Dravia", kind: .government, aliases: ["Dravia", "Dravian government"]),
    ActorNode(id: "velt", name: "Government of Velt", kind: .government, aliases: ["Velt", "Veltan government"]),
    ActorNode(id: "sarnis", name: "Sarnis", kind: .militia, aliases: ["Sarni movement"]),
    ActorNode(id: "tern-front", name: "Tern Liberation Front", kind: .militia),
    ActorNode(id: "velt-army", name: "Veltan Armed Forces", kind: .militia, aliases: ["the army"],
              memberOf: [Membership(actor: "velt")]),
    ActorNode(id: "relief-org", name: "Harbour Relief Network", kind: .organization),
])

let roundFour: Extractor = {
    try! Extractor(graph: round4Graph, lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
}()

func extract4(_ text: String) -> [Candidate] {
    roundFour.extract(text: text, document: "doc", date: PartialDate(year: 2025, month: 6, day: 2)).candidates
}

@Suite struct ActorDescriptions {
    @Test func nationalityBeforeAnArmedNounIsTheStatesForces() {
        // the graph has Velt's armed forces (a member of Velt named with "forces"), not Dravia's
        let cs = extract4("Dravia struck Veltan positions near the border on Monday.")
        #expect(has(cs, "dravia", .opposes, "velt-army"))
        let cs2 = extract4("Dravian warplanes bombed the Tern Liberation Front.")
        #expect(has(cs2, "dravia", .opposes, "tern-front"))
        let cs3 = extract4("The Tern Liberation Front vowed to hit Velt targets again.")
        #expect(has(cs3, "tern-front", .opposes, "velt-army"))
        // a civilian description stands for the state
        let cs4 = extract4("The Veltan delegation met the Tern Liberation Front.")
        #expect(has(cs4, "velt", .meets, "tern-front") || has(cs4, "tern-front", .meets, "velt"))
    }

    @Test func aPluralGroupNameAsAnAdjective() {
        let cs = extract4("Dravia and Velt have struck Sarni targets in the north.")
        #expect(has(cs, "dravia", .opposes, "sarnis"))
        #expect(has(cs, "velt", .opposes, "sarnis"))
        let cs2 = extract4("Sarni fighters attacked the Tern Liberation Front.")
        #expect(has(cs2, "sarnis", .opposes, "tern-front"))
        // not without a head noun for the group's people or assets
        #expect(!has(extract4("Dravia criticised Sarni rhetoric."), "dravia", .opposes, "sarnis"))
    }

    @Test func anAliasBeforeAnAssetNoun() {
        let cs = extract4("The Tern Liberation Front shelled army positions overnight.")
        #expect(has(cs, "tern-front", .opposes, "velt-army"))
    }

    @Test func peopleFromAnActorActForIt() {
        let cs = extract4("Fighters from the Tern Liberation Front attacked a Veltan convoy.")
        #expect(has(cs, "tern-front", .opposes, "velt-army"))
        let cs2 = extract4("Militants of the Sarni movement ambushed Dravian soldiers.")
        #expect(has(cs2, "sarnis", .opposes, "dravia"))
        // weapons from X still come from X: no subject
        #expect(!has(extract4("Weapons from Dravia reached the Tern Liberation Front."), "dravia", .opposes, "tern-front"))
    }
}

@Suite struct AlliedCombatAndReciprocalBlame {
    @Test func fightAlongsideIsSupport() {
        let cs = extract4("Veltan troops fought alongside the Tern Liberation Front against the Sarnis.")
        #expect(has(cs, "velt-army", .supports, "tern-front"))
        #expect(!has(cs, "velt-army", .opposes, "tern-front"))
        let cs2 = extract4("Dravia, whose soldiers fight alongside the army, denied the report.")
        #expect(!has(cs2, "dravia", .opposes, "velt-army"))
    }

    @Test func tradeBlameIsMutualOpposition() {
        let cs = extract4("Dravia and Velt traded blame for the collapse of the ceasefire.")
        #expect(has(cs, "dravia", .opposes, "velt"))
        #expect(has(cs, "velt", .opposes, "dravia"))
        let cs2 = extract4("Dravia and Velt trade blame as the Sarnis advance on the capital.")
        #expect(!has(cs2, "dravia", .opposes, "sarnis"))
        #expect(!has(cs2, "velt", .opposes, "sarnis"))
        #expect(has(cs2, "dravia", .opposes, "velt") && has(cs2, "velt", .opposes, "dravia"))
        let cs3 = extract4("Dravia traded blame with Velt over the shelling.")
        #expect(has(cs3, "dravia", .opposes, "velt"))
    }
}
