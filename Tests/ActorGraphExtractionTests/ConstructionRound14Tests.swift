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
