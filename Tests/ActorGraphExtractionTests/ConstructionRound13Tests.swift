import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The thirteenth extraction round (docs/EXTRACTION.md): object pronouns, the subject of an
/// infinitive after "invited Y", visitors due in a capital, more signed instruments, interceding,
/// and every member state of the UN in the gazetteer. Invented people, real states.
let round13Graph: [ActorNode] = [
    ActorNode(id: "norway", name: "Government of Norway", kind: .government, aliases: ["Norway"], country: "NO"),
    ActorNode(id: "peru", name: "Government of Peru", kind: .government, aliases: ["Peru"], country: "PE"),
    ActorNode(id: "chile", name: "Government of Chile", kind: .government, aliases: ["Chile"], country: "CL"),
    ActorNode(id: "vanuatu", name: "Government of Vanuatu", kind: .government, country: "VU"),
    ActorNode(id: "fiji", name: "Government of Fiji", kind: .government, country: "FJ"),
    ActorNode(id: "tern-front", name: "Tern Liberation Front", kind: .militia),
    ActorNode(id: "ada-kell", name: "Ada Kell", kind: .person, country: "PE"),
    ActorNode(id: "bo-lund", name: "Bo Lund", kind: .person, country: "NO"),
    ActorNode(id: "cy-mora", name: "Cy Mora", kind: .person, country: "CL"),
]

func extract13(_ text: String) -> [Candidate] { extractWith(round13Graph, text) }

@Suite struct Round13 {
    @Test func anObjectPronounIsNotItsClausesSubject() {
        let cs = extract13("Cy Mora flew to Oslo on Monday. Bo Lund received him at the palace.")
        #expect(has(cs, "bo-lund", .hosts, "cy-mora"))
        #expect(!cs.contains { $0.source == $0.target })
        let rel = extract13("Ada Kell met Cy Mora, who hosted her in Santiago in December.")
        #expect(has(rel, "cy-mora", .hosts, "ada-kell"))
        // a possessive "her" is still the nearest person's
        // (no relation at all: a same-actor pair is never output, so checking one would prove nothing)
        #expect(extract13("Bo Lund praised her government.").isEmpty)
    }

    @Test func theObjectOfInvitedIsTheVisitor() {
        let cs = extract13("Cy Mora met Ada Kell on Monday. Bo Lund has invited him to visit Lima.")
        #expect(has(cs, "peru", .hosts, "cy-mora", .possible))
        #expect(!has(cs, "peru", .hosts, "bo-lund"))
        // an act urged on someone is only possible
        let urged = extract13("Bo Lund urged Chile to condemn the Tern Liberation Front.")
        #expect(has(urged, "chile", .opposes, "tern-front", .possible))
    }

    @Test func aVisitorDueOrExpectedInACapital() {
        #expect(has(extract13("Bo Lund is due in Lima later this month."), "peru", .hosts, "bo-lund", .possible))
        #expect(has(extract13("Bo Lund is expected in Santiago next week."), "chile", .hosts, "bo-lund", .possible))
        #expect(extract13("The payment was due in March.").isEmpty)
    }

    @Test func signedInstrumentsAndInterceding() {
        let cs = extract13("Ada Kell and Bo Lund signed a protocol on sharing water.")
        #expect(has(cs, "ada-kell", .supports, "bo-lund") && has(cs, "bo-lund", .supports, "ada-kell"))
        #expect(has(extract13("Bo Lund interceded with Ada Kell on their behalf."), "bo-lund", .meets, "ada-kell"))
    }

    @Test func smallStatesCapitals() {
        #expect(has(extract13("Chile has accused Port Vila of interfering in its internal affairs."), "chile", .opposes, "vanuatu"))
        #expect(has(extract13("Suva condemned the Tern Liberation Front."), "fiji", .opposes, "tern-front"))
    }
}

@Suite struct Round13References {
    @Test func aGivenNameAfterTheFullName() {
        let cs = extract13("Cy Mora flew to Oslo on Monday. Cy said Chile would arm the Tern Liberation Front.")
        #expect(has(cs, "chile", .supports, "tern-front"))
        let praised = extract13("Ada Kell arrived in Oslo. Ada praised Norway.")
        #expect(has(praised, "ada-kell", .supports, "norway"))
        // never before the full name, never as the first word of another full name
        #expect(!has(extract13("Ada praised Norway."), "ada-kell", .supports, "norway"))
        #expect(!has(extract13("Ada Kell arrived in Oslo. Ada Lovelace praised Norway."), "ada-kell", .supports, "norway"))
    }

    @Test func aPronounContinuesTheLastSentencesSubject() {
        let cs = extract13("Bo Lund met Ada Kell in Oslo on Monday. He condemned the Tern Liberation Front.")
        #expect(has(cs, "bo-lund", .opposes, "tern-front"))
        #expect(!has(cs, "ada-kell", .opposes, "tern-front"))
    }
}

@Suite struct Round13Clauses {
    @Test func aBareAppositionLeavesThePersonTheSubject() {
        let cs = extract13("Bo Lund, leader of the Tern Liberation Front, accused Chile of lying.")
        #expect(has(cs, "bo-lund", .opposes, "chile") && !has(cs, "tern-front", .opposes, "chile"))
        #expect(has(extract13("Bo Lund, former head of the Tern Liberation Front, met Chile."), "bo-lund", .meets, "chile"))
    }

    @Test func aTownNamedByItsStatesAdjective() {
        let cs = extract13("Bo Lund held talks with Ada Kell in the Chilean port of Valparaiso in January.")
        #expect(has(cs, "chile", .hosts, "bo-lund") && has(cs, "chile", .hosts, "ada-kell"))
        // not a venue without "in": "the Chilean city of X" as a subject is no place
        #expect(!has(extract13("Bo Lund praised the Chilean city of Valparaiso."), "chile", .hosts, "bo-lund"))
    }

    @Test func theSubjectsOfTalksHostedByAThirdParty() {
        let cs = extract13("Chile and Peru agreed to reopen their border after talks hosted by Norway.")
        #expect(has(cs, "chile", .meets, "peru") || has(cs, "peru", .meets, "chile"))
        #expect(has(cs, "norway", .hosts, "chile") && has(cs, "norway", .hosts, "peru"))
        // one party alone held no talks with anyone named
        #expect(!extract13("Chile said it would attend a summit hosted by Norway.").contains { $0.type == .meets })
    }
}

@Suite struct Round13Characterisations {
    @Test func friendlyAndHostileCharacterisations() {
        #expect(has(extract13("Chile described Peru as a strategic partner."), "chile", .supports, "peru"))
        #expect(has(extract13("Chile branded the Tern Liberation Front a terrorist organisation."), "chile", .opposes, "tern-front"))
        #expect(has(extract13("Bo Lund said Peru was a reliable partner."), "bo-lund", .supports, "peru"))
        #expect(has(extract13("Chile sees the Tern Liberation Front as a threat to peace."), "chile", .opposes, "tern-front"))
        // an object relative: the antecedent is characterised by the relative's subject
        #expect(has(extract13("The Tern Liberation Front, which Chile listed as a terrorist entity last year, denied it."),
                    "chile", .opposes, "tern-front"))
        // negated, it is denied; a phone call is no characterisation; "a partner of Z" is Z's relation
        #expect(has(extract13("Chile did not describe Peru as a threat."), "chile", .opposes, "peru", .denied))
        #expect(!extract13("Chile called Peru on Monday.").contains { $0.type == .supports || $0.type == .opposes })
        #expect(!has(extract13("Chile described Peru as a partner of Norway."), "chile", .supports, "peru"))
    }

    @Test func agentsResidentsAndOwnPeople() {
        #expect(has(extract13("Ada Kell, who was abducted by Chilean agents in Lima, is on trial."), "chile", .opposes, "ada-kell"))
        #expect(has(extract13("Ada Kell, who lives in Norway, spoke."), "norway", .hosts, "ada-kell"))
        // a state does not host its own citizen
        #expect(!has(extract13("Ada Kell lives in a village near Lima."), "peru", .hosts, "ada-kell"))
    }
}

@Suite struct Round13Pairs {
    @Test func bothGroupsAndAnEpithet() {
        let graph = round13Graph + [ActorNode(id: "sarnis", name: "Sarni Movement", kind: .militia)]
        let cs = extractWith(graph, "The Tern Liberation Front and the Sarni Movement fought for months. Both groups were designated terrorist organisations by Chile.")
        #expect(has(cs, "chile", .opposes, "tern-front") && has(cs, "chile", .opposes, "sarnis"))
        #expect(has(extract13("Chile has called Bo Lund a troublemaker."), "chile", .opposes, "bo-lund"))
    }
}
