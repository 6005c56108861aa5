import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The eleventh extraction round (docs/EXTRACTION.md): talks with a place phrase before "with",
/// a counterpart named without a comma, the two ministers, invitations, rapprochement,
/// complaints and endangering. Round 5's graph.

@Suite struct Round11 {
    @Test func talksWithAfterAPlaceAndACounterpartWithoutAComma() {
        let cs = extract5("Chile's foreign minister held talks in Santiago on Sunday with his Peruvian counterpart Ada Kell.")
        #expect(has(cs, "chile", .meets, "ada-kell") || has(cs, "ada-kell", .meets, "chile"))
    }

    @Test func theTwoMinisters() {
        let graph = [
            ActorNode(id: "a", name: "Ada Kell", kind: .person),
            ActorNode(id: "b", name: "Bo Renner", kind: .person),
        ]
        let cs = extractWith(graph, "Ada Kell met Bo Renner in March. The two ministers agreed to coordinate their positions.")
        #expect(has(cs, "a", .supports, "b") && has(cs, "b", .supports, "a"))
    }

    @Test func anInvitationIsAPossibleMeeting() {
        let cs = extract5("Norway invited Chile and Peru to resume talks without preconditions.")
        #expect(has(cs, "norway", .meets, "chile", .possible) || has(cs, "chile", .meets, "norway", .possible))
    }

    @Test func rapprochementComplaintsAndEndangering() {
        #expect(has(extract5("Chile has drawn closer to the military rulers of Peru."), "chile", .supports, "peru"))
        #expect(has(extract5("Chile has long complained that Peruvian ships enter its waters."), "chile", .opposes, "peru"))
        #expect(has(extract5("Peru accused Chile of endangering Norway by releasing water."), "chile", .opposes, "norway", .reported))
    }
}

@Suite struct GuessedSubjects {
    @Test func aGuessedNounSubjectNeverAcrossASpeechVerb() {
        let cs = extract5("Norway said in a report that three Americans with ties to Chile had drawn up lists.")
        #expect(!has(cs, "norway", .supports, "chile"))
    }
}
