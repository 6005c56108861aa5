import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The seventeenth extraction round (docs/EXTRACTION.md): executives and ministers of state as
/// titles, a participle before "by" is passive, parentheses inside a relative clause, "in
/// opposition" as a place in politics.
@Suite struct Round17 {
    @Test func anExecutiveTitleMakesThePersonTheObject() {
        let cs = extract14("Ada Kell met Tern Liberation Front chief executive Bo Lund in Santiago last month.")
        #expect(has(cs, "ada-kell", .meets, "bo-lund") || has(cs, "bo-lund", .meets, "ada-kell"))
        #expect(!cs.contains { $0.type == .meets && [$0.source, $0.target].contains("tern-front") })
    }

    @Test func aParticipleBeforeByHasNoActiveReading() {
        // the agent is too far to read: no relation rather than an active one
        let cs = extract14("Norway held it up for months in a dispute over fees charged by the state grid operator of Peru.")
        #expect(!has(cs, "norway", .opposes, "peru"))
    }

    @Test func parenthesesInsideARelativeClause() {
        let cs = extract14("Bo Lund, whose Tern Liberation Front (TLF) is now in opposition, accused Chile of lying.")
        #expect(has(cs, "bo-lund", .opposes, "chile"))
        #expect(!has(cs, "tern-front", .opposes, "chile"))
        #expect(has(extract14("Chile acted in opposition to Peru."), "chile", .opposes, "peru"))
    }
}

@Suite struct Round17Names {
    @Test func aTwoLetterFamilyName() {
        let graph = round14Graph + [ActorNode(id: "xi", name: "Xi Jinping", kind: .person, country: "CN")]
        let cs = extractWith(graph, "Xi Jinping spoke on Monday. Bo Lund held talks with Xi in Oslo in January.")
        #expect(has(cs, "bo-lund", .meets, "xi") || has(cs, "xi", .meets, "bo-lund"))
        // a particle is never a name: "Al" alone refers to nobody
        let al = round14Graph + [ActorNode(id: "al-sayed", name: "Al Sayed", kind: .person, country: "EG")]
        #expect(!extractWith(al, "Al Sayed spoke. Al praised Chile.").contains { $0.source == "al-sayed" })
    }

    @Test func aPluralNounInsideAPhrase() {
        let cs = extract14("Ada Kell and Bo Lund signed the agreements with Chile in Oslo.")
        #expect(has(cs, "bo-lund", .supports, "chile") && has(cs, "chile", .supports, "bo-lund"))
    }
}

@Suite struct Round17Characterisations {
    @Test func aCharacterisationThroughAndAndOneOf() {
        #expect(has(extract14("Bo Lund called Chile \"a neighbour and a friend whose place is in Europe\"."), "bo-lund", .supports, "chile"))
        #expect(has(extract14("Bo Lund called Chile \"one of our closest and most trusted partners\"."), "bo-lund", .supports, "chile"))
    }
}

@Suite struct Round17Speakers {
    @Test func theSpeakerAfterACommaIsNoConjunct() {
        let cs = extract14("Chile will restore diplomatic relations with Peru, Bo Lund said on Tuesday.")
        #expect(has(cs, "chile", .supports, "peru", .possible))
        #expect(!cs.contains { $0.target == "bo-lund" || $0.source == "bo-lund" })
    }
}

/// Fixes from the review of rounds 13 to 17.
@Suite struct Round17Review {
    @Test func aRegionAfterToIsADestination() {
        #expect(has(extract14("Bo Lund travelled to northern Chile on Monday."), "chile", .hosts, "bo-lund"))
        #expect(has(extract14("Bo Lund fled to neighbouring Chile."), "chile", .hosts, "bo-lund"))
        #expect(extract14("Chile said it would move to disarm the Tern Liberation Front.").filter { $0.type == .hosts }.isEmpty)
    }

    @Test func aNegatedCharacterisationIsDenied() {
        #expect(has(extract14("Bo Lund said Peru was not a reliable partner."), "bo-lund", .supports, "peru", .denied))
    }

    @Test func aPassiveChargeIsTheAccusedsAct() {
        let cs = extract14("The Tern Liberation Front has been accused of harbouring Bo Lund.")
        #expect(has(cs, "tern-front", .hosts, "bo-lund", .reported) && !has(cs, "tern-front", .hosts, "bo-lund", .asserted))
    }

    @Test func everyCoordinatedPartyOfHostedTalks() {
        let cs = extract14("Norway, Chile and Peru agreed to a truce after talks hosted by Bo Lund.")
        #expect(has(cs, "chile", .meets, "peru") || has(cs, "peru", .meets, "chile"))
        #expect(has(cs, "norway", .meets, "peru") || has(cs, "peru", .meets, "norway"))
    }

    @Test func attendancePastAPersonToThePlace() {
        #expect(has(extract14("Bo Lund attended the funeral of Ada Kell in Lima."), "peru", .hosts, "bo-lund"))
    }
}

@Suite struct Round17Headlines {
    @Test func aHeadlineInfinitiveIsPossible() {
        let cs = extract14("Chile to restore ties with Peru after long rift")
        #expect(has(cs, "chile", .supports, "peru", .possible))
        #expect(!cs.contains { $0.modality == .asserted })
    }

    @Test func aSpeakerIsNoApposition() {
        let cs = extract14("Bo Lund could visit Chile later this year, Ada Kell said.")
        #expect(has(cs, "chile", .hosts, "bo-lund", .possible))
        #expect(!cs.contains { $0.source == "ada-kell" && $0.type == .hosts })
    }
}
