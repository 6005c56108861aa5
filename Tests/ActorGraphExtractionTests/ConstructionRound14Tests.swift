import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The fourteenth extraction round (docs/EXTRACTION.md): quoted charges, the speaker as a
/// complement's pronoun subject, descriptions named by an apposition, "his government",
/// descriptive nouns, border closures and legal action. Round 13's graph.
let round14Graph: [ActorNode] = round13Graph.map { actor in
    var a = actor
    if a.id == "bo-lund" { a.memberOf = [Membership(actor: "norway")] }
    return a
}

func extract14(_ text: String) -> [Candidate] { extractWith(round14Graph, text) }

@Suite struct Round14 {
    @Test func aQuotedChargeIsTheAccusedsAct() {
        let cs = extract14("Peru accused Chile of \"siding with Oslo\" in the dispute.")
        #expect(has(cs, "chile", .supports, "norway", .reported))
        #expect(!has(cs, "peru", .supports, "norway"))
    }

    @Test func thePronounSubjectOfASpeechComplementIsTheSpeaker() {
        let text = "Norway, which leads a joint venture with the Tern Liberation Front and the state oil company of Peru and its partners, "
            + "said in a statement that it remains committed to working with Chile."
        let cs = extract14(text)
        #expect(has(cs, "norway", .supports, "chile") && !has(cs, "peru", .supports, "chile"))
    }

    @Test func aDescriptionNamedByItsApposition() {
        let cs = extract14("Ada Kell met Bo Lund. The transitional president, General Cy Mora, received the delegation of Peru.")
        #expect(has(cs, "cy-mora", .hosts, "peru") && !has(cs, "bo-lund", .hosts, "peru"))
        // named by someone the graph does not know: nobody
        let unknown = extract14("Ada Kell met the Tern Liberation Front. The main opposition party, Fretilin, accused Bo Lund of lying.")
        #expect(!unknown.contains { $0.target == "bo-lund" })
    }

    @Test func hisGovernmentIsThePersonsState() {
        let cs = extract14("Bo Lund was sworn in on Friday, a day after his government closed the main border crossing with Peru.")
        #expect(has(cs, "norway", .opposes, "peru") && !has(cs, "bo-lund", .opposes, "peru"))
    }

    @Test func aNounThatDescribesSomeoneRelatesNobody() {
        #expect(extract14("Chile released opposition leader Bo Lund on Thursday.").filter { $0.type == .opposes }.isEmpty)
        #expect(has(extract14("Chile voiced its opposition to Peru."), "chile", .opposes, "peru"))
    }

    @Test func legalActionAndBasesKept() {
        #expect(has(extract14("Chile said it would file a case against Peru at the court."), "chile", .opposes, "peru", .possible))
        #expect(has(extract14("Norway, which keeps a small army training unit in Chile, said nothing."), "chile", .hosts, "norway"))
    }
}

@Suite struct Round14Events {
    @Test func attendanceIsHostedByTheVenueOrTheDateline() {
        let cs = extract14("Ada Kell and Bo Lund attended the ceremony at the palace in Santiago.")
        #expect(has(cs, "chile", .hosts, "ada-kell") && has(cs, "chile", .hosts, "bo-lund"))
        #expect(has(extract14("LIMA, May 8 (wire) - Bo Lund attended the inauguration on Friday."), "peru", .hosts, "bo-lund"))
        // a Peruvian at home is nobody's guest; a denied attendance is denied
        #expect(extract14("LIMA, May 8 (wire) - Ada Kell attended the inauguration on Friday.").isEmpty)
        #expect(has(extract14("Bo Lund did not attend the summit in Santiago."), "chile", .hosts, "bo-lund", .denied))
    }

    @Test func anAgreementNamedBeforeItsSignatories() {
        let cs = extract14("It revives an agreement signed at a villa near Oslo last July by Chile and a delegation of Peru.")
        #expect(has(cs, "chile", .supports, "peru") && has(cs, "peru", .supports, "chile"))
        let rel = extract14("Chile met Peru in March. They honour a treaty that Chile and Peru signed in 2018.")
        #expect(has(rel, "chile", .supports, "peru") && has(rel, "peru", .supports, "chile"))
    }

    @Test func territoriesAreReachedByTheirCapitals() {
        let graph = round14Graph + [ActorNode(id: "nc", name: "Government of New Caledonia", kind: .government, country: "NC")]
        #expect(has(extractWith(graph, "Bo Lund, who visited Noumea in January, spoke."), "nc", .hosts, "bo-lund"))
    }
}

@Suite struct Round14Hosting {
    @Test func refugeMovesAndMissions() {
        #expect(has(extract14("Bo Lund has been sheltering in the Chilean embassy since the coup."), "chile", .hosts, "bo-lund"))
        #expect(has(extract14("Bo Lund has since moved to Santiago, the capital of Chile."), "chile", .hosts, "bo-lund"))
        #expect(has(extract14("The Tern Liberation Front is due to send its own mission to Lima next month."), "peru", .hosts, "tern-front", .possible))
        // "move to" before a verb is an infinitive, no destination
        #expect(extract14("Chile said it would move to disarm the Tern Liberation Front.").filter { $0.type == .hosts }.isEmpty)
    }

    @Test func aLongAppositionBeforeTheVerb() {
        let cs = extract14("Peru, a country of about one million people at the mouth of the Red Sea, hosts military bases of Norway and Chile.")
        #expect(has(cs, "peru", .hosts, "norway") && has(cs, "peru", .hosts, "chile"))
    }
}
