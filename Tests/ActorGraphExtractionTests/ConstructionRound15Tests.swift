import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The fifteenth extraction round (docs/EXTRACTION.md): a pronoun after a time is no
/// apposition, a pronoun is no list member, courts and companies as descriptions, dissolution.
@Suite struct Round15 {
    @Test func aPronounAfterATimeIsNoApposition() {
        let cs = extract14("Bo Lund travelled to Lima last month, he said.")
        #expect(has(cs, "peru", .hosts, "bo-lund"))
        #expect(has(extract14("Bo Lund is due in Lima next month, his ministry said."), "peru", .hosts, "bo-lund", .possible))
    }

    @Test func aPronounIsNoListMember() {
        let cs = extract14("Bo Lund flew to Lima, where, according to Chilean officials, he held talks with Ada Kell.")
        #expect(has(cs, "bo-lund", .meets, "ada-kell") || has(cs, "ada-kell", .meets, "bo-lund"))
        #expect(!cs.contains { $0.type == .meets && [$0.source, $0.target].contains("chile") })
    }

    @Test func courtsAndDissolution() {
        let graph = round14Graph + [ActorNode(id: "lima-court", name: "Lima Court of Appeal", kind: .government, country: "PE")]
        let cs = extractWith(graph, "The Lima Court of Appeal ordered the dissolution of the Tern Liberation Front. Chile welcomed the court's decision.")
        #expect(has(cs, "lima-court", .opposes, "tern-front"))
        #expect(has(cs, "chile", .supports, "lima-court"))
    }
}

@Suite struct Round15Precision {
    @Test func aParticipleBeforeANameIsAnAdjective() {
        let cs = extract14("Chile accused the party of receiving money from the outlawed Tern Liberation Front.")
        #expect(!cs.contains { $0.target == "tern-front" && $0.type == .opposes })
    }

    @Test func whoseGovernmentIsThePersonsState() {
        let cs = extract14("Bo Lund, whose government opened talks with Lima in 2022, praised Ada Kell.")
        #expect(has(cs, "norway", .meets, "peru") || has(cs, "peru", .meets, "norway"))
        #expect(has(cs, "bo-lund", .supports, "ada-kell"))
    }

    @Test func theCourtIsOnlyACourt() {
        // no court in the graph: "the court" is nobody, not the last state named
        let cs = extract14("Chile and Peru welcomed the court's decision.")
        #expect(!cs.contains { $0.type == .supports })
        // "the state budget": a modifier, no reference
        // (Chile named first, so that a "the state" read as a reference would have a state to take)
        #expect(!extract14("Chile met Ada Kell. Peru said the fund, which finances the state budget, was empty.").contains { $0.type == .supports })
    }
}

@Suite struct Round15Calls {
    @Test func aTelephoneCallIsAMeeting() {
        #expect(has(extract14("Bo Lund called Ada Kell on Wednesday to offer support."), "bo-lund", .meets, "ada-kell"))
        // the apposition's head called, not the person inside it
        let cs = extract14("Ada Kell won the vote. Bo Lund, a close ally of Ada Kell, called her on Wednesday to offer support.")
        #expect(has(cs, "bo-lund", .meets, "ada-kell"))
        // not a characterisation, a call for something, or a call on someone
        #expect(!extract14("Chile called Peru a threat.").contains { $0.type == .meets })
        #expect(has(extract14("Chile called for talks with Peru."), "chile", .meets, "peru", .possible))
        #expect(extract14("Chile called on Peru to act.").isEmpty)
    }
}
