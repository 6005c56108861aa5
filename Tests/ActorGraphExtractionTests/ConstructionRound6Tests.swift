import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The constructions added in the sixth extraction round (docs/EXTRACTION.md): reciprocal nouns
/// between two parties, descriptions with modifiers, the dateline's government, appositions
/// before the verb, the first names of a person, "ruled out", readiness. Round 5's graph.

@Suite struct ReciprocalNounsBetween {
    @Test func clashesBetweenTwoPartiesOpposeBothWays() {
        let cs = extract5("Clashes between the Sarni Movement and the Tern Liberation Front killed nine people.")
        #expect(has(cs, "sarnis", .opposes, "tern-front"))
        #expect(has(cs, "tern-front", .opposes, "sarnis"))
        let cs2 = extract5("Peru has been in open dispute with Chile since March.")
        #expect(has(cs2, "peru", .opposes, "chile"))
        // a meeting between two parties stays one symmetric pair
        let cs3 = extract5("Talks between Peru and Chile resumed.")
        #expect(cs3.filter { $0.type == .meets }.count == 1)
    }
}

@Suite struct DescriptionsAndDatelines {
    @Test func aModifiedDescription() {
        let cs = extract5("Peru rejected the plan. The federal army then attacked the Sarni Movement.")
        #expect(has(cs, "peru", .opposes, "sarnis"))
        // a capitalised epithet is not resolved to the last state
        let cs2 = extract5("Chile met Peru. The Sarni Movement praised the Andean country.")
        #expect(!cs2.contains { $0.source == "sarnis" })
    }

    @Test func theGovernmentOfTheDateline() {
        let text = """
        LIMA, May 3 (Wire) - Chilean envoys arrived on Monday. The government has ruled out talks with the Sarni Movement.
        """
        let cs = extract5(text)
        #expect(has(cs, "peru", .opposes, "sarnis"))
        #expect(!has(cs, "chile", .opposes, "sarnis"))
        // "ruled out talks" is no meeting
        #expect(!cs.contains { $0.type == .meets && ($0.source == "sarnis" || $0.target == "sarnis") })
        // the dateline itself acts for no one
        #expect(!cs.contains { $0.rule.contains("dateline") })
    }
}

@Suite struct AppositionsAndNames {
    @Test func theSubjectIsTheHeadBeforeAnApposition() {
        let cs = extract5("Ada Kell, the leader and the front's chief negotiator, was received by Chile in Santiago.")
        #expect(has(cs, "chile", .hosts, "ada-kell"))
        #expect(!has(cs, "chile", .hosts, "tern-front"))
    }

    @Test func theFirstNamesOfAThreeWordName() {
        let actors = [
            ActorNode(id: "hsm", name: "Hassan Sheikh Mohamud", kind: .person, country: "SO"),
            ActorNode(id: "turkey", name: "Government of Turkey", kind: .government, aliases: ["Turkey"], country: "TR"),
        ]
        let cs = extractWith(actors, "Turkey hosted Hassan Sheikh in Ankara.")
        #expect(has(cs, "turkey", .hosts, "hsm"))
    }
}

@Suite struct Readiness {
    @Test func readyToIsPossible() {
        let cs = extract5("The Sarni Movement said it was ready to meet Peru.")
        #expect(has(cs, "sarnis", .meets, "peru", .possible) || has(cs, "peru", .meets, "sarnis", .possible))
    }
}

@Suite struct RolesTroopsAndRelatives {
    @Test func aPluralRoleAfterAList() {
        let cs = extract5("Chile and Norway, the Sarni Movement's main foreign backers, called for calm.")
        #expect(has(cs, "chile", .supports, "sarnis"))
        #expect(has(cs, "norway", .supports, "sarnis"))
        // a modified relational noun is still the noun
        let cs2 = extract5("Peru, a key ally of Chile, stayed silent.")
        #expect(has(cs2, "peru", .supports, "chile"))
    }

    @Test func troopsSentAndAttacksRepelled() {
        #expect(has(extract5("Chile sent troops to Peru in 2020."), "chile", .supports, "peru"))
        #expect(has(extract5("Norway contributes troops to the Tern Liberation Front."), "norway", .supports, "tern-front"))
        #expect(has(extract5("Peru repelled an offensive by the Sarni Movement."), "peru", .opposes, "sarnis"))
    }

    @Test func aWhoseClauseIsSkippedToItsAntecedent() {
        let cs = extract5("Chile, whose aircraft use Peruvian bases, has also backed the Sarni Movement.")
        #expect(has(cs, "chile", .supports, "sarnis"))
        #expect(!has(cs, "peru", .supports, "sarnis"))
    }
}

@Suite struct PluralsAndDatelineForces {
    @Test func coordinatedAdjectivesBeforeAPluralNoun() {
        let cs = extract5("Talks between Peruvian and Chilean delegations collapsed in November.")
        #expect(has(cs, "peru", .meets, "chile") || has(cs, "chile", .meets, "peru"))
        #expect(has(extract5("Chilean negotiators met the Sarni Movement."), "chile", .meets, "sarnis")
                || has(extract5("Chilean negotiators met the Sarni Movement."), "sarnis", .meets, "chile"))
    }

    @Test func theArmyOfTheDateline() {
        let text = "LIMA, May 3 (Wire) - Chile recalled its envoy. The army is also fighting the Sarni Movement."
        let cs = extract5(text)
        #expect(has(cs, "peru", .opposes, "sarnis"))
        #expect(!has(cs, "chile", .opposes, "sarnis"))
    }

    @Test func pluralsOfTheCueNouns() {
        #expect(has(extract5("Chilean spokesmen condemned the Sarni Movement."), "chile", .opposes, "sarnis"))
        #expect(has(extract5("Peruvian delegations visited the Tern Liberation Front."), "tern-front", .hosts, "peru"))
    }
}

@Suite struct ReceptionsAndTitledModifiers {
    @Test func aReceptionIsAMeetingToo() {
        // (Ada Kell is Peruvian: Chile hosts her; Peru, since round 13, would not host its own)
        let cs = extract5("Chile received Ada Kell in Santiago on Monday.")
        #expect(has(cs, "chile", .hosts, "ada-kell"))
        #expect(has(cs, "chile", .meets, "ada-kell") || has(cs, "ada-kell", .meets, "chile"))
        // hosting an office is no meeting
        let cs2 = extract5("Chile hosts the Sarni Movement's political office.")
        #expect(!cs2.contains { $0.type == .meets })
    }

    @Test func aStateBeforeATitledPersonIsTheirModifier() {
        let actors = [
            ActorNode(id: "kosovo", name: "Government of Kosovo", kind: .government, aliases: ["Kosovo"], country: "XK"),
            ActorNode(id: "kurti", name: "Albin Kurti", kind: .person, country: "XK"),
            ActorNode(id: "vucic", name: "Aleksandar Vučić", kind: .person, country: "RS"),
        ]
        let cs = extractWith(actors, "Serbian President Aleksandar Vučić and Kosovo Prime Minister Albin Kurti met on Wednesday.")
        #expect(has(cs, "vucic", .meets, "kurti") || has(cs, "kurti", .meets, "vucic"))
        #expect(!cs.contains { $0.source == "kosovo" || $0.target == "kosovo" })
    }

    @Test func aVenueTheGraphDoesNotKnowStaysAPlace() {
        // Brussels is in the gazetteer (Belgium) but not in the graph
        let cs = extract5("Chile and Peru met in Brussels on Monday.")
        #expect(!cs.contains { $0.type == .hosts })
    }
}

@Suite struct SharedSurnames {
    @Test func aSharedSurnameIsThePersonNamedFirst() {
        let actors = [
            ActorNode(id: "khalifa", name: "Khalifa Haftar", kind: .person),
            ActorNode(id: "saddam", name: "Saddam Haftar", kind: .person),
            ActorNode(id: "egypt", name: "Government of Egypt", kind: .government, aliases: ["Egypt"], country: "EG"),
        ]
        let text = "Khalifa Haftar's forces advanced. His son Saddam Haftar flew to Ankara. Egypt has backed Haftar for years."
        let cs = extractWith(actors, text)
        #expect(has(cs, "egypt", .supports, "khalifa"))
        #expect(!has(cs, "egypt", .supports, "saddam"))
        // never named in full: no guess
        let cs2 = extractWith(actors, "Egypt has backed Haftar for years.")
        #expect(cs2.isEmpty)
    }
}
