import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The constructions added in the fifth extraction round (docs/EXTRACTION.md): stances on an
/// event named by a noun, the venue of a meeting, travel, and cues of a coordinated clause.
/// Invented non-state actors, real states (the gazetteer's capitals), general sentences.
let round5Graph = ActorGraph(actors: [
    ActorNode(id: "norway", name: "Government of Norway", kind: .government, aliases: ["Norway"], country: "NO"),
    ActorNode(id: "chile", name: "Government of Chile", kind: .government, aliases: ["Chile"], country: "CL"),
    ActorNode(id: "peru", name: "Government of Peru", kind: .government, aliases: ["Peru"], country: "PE"),
    ActorNode(id: "tern-front", name: "Tern Liberation Front", kind: .militia, aliases: ["the front"]),
    ActorNode(id: "sarnis", name: "Sarni Movement", kind: .militia),
    ActorNode(id: "ada-kell", name: "Ada Kell", kind: .person, country: "PE"),
])

let roundFive: Extractor = {
    try! Extractor(graph: round5Graph, lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
}()

func extract5(_ text: String) -> [Candidate] {
    roundFive.extract(text: text, document: "doc", date: PartialDate(year: 2025, month: 6, day: 2)).candidates
}

@Suite struct EventNounStances {
    @Test func condemningAnAttackOpposesItsAgent() {
        let cs = extract5("The Tern Liberation Front attacked Peru on Monday. Chile condemned the attack.")
        #expect(has(cs, "chile", .opposes, "tern-front"))
        #expect(!has(cs, "chile", .opposes, "peru"))
        // the same noun family: bombing → bombed; praise supports the agent
        let cs2 = extract5("The Sarni Movement bombed Chile's embassy. Hours later the Tern Liberation Front praised the bombing.")
        #expect(has(cs2, "tern-front", .supports, "sarnis"))
    }

    @Test func theLeadsActIsFoundFurtherBack() {
        let text = """
        The Sarni Movement attacked Peru overnight. Peru said three soldiers were killed. Officials met in the capital. \
        Markets were closed. Schools stayed shut on Tuesday. Chile condemned the attack.
        """
        #expect(has(extract5(text), "chile", .opposes, "sarnis"))
    }

    @Test func noStanceWithoutAnActOrWhenThePhraseNamesItsParties() {
        // no earlier attack: nothing to refer to
        #expect(extract5("Chile condemned the attack.").isEmpty)
        // "the attack on X": the phrase's own parties, not a stance on an earlier act
        let cs = extract5("The Sarni Movement attacked Peru. Chile condemned the attack on Norway.")
        #expect(!has(cs, "chile", .opposes, "sarnis"))
        // a passive has the event as its subject
        let cs2 = extract5("The Sarni Movement attacked Peru. The attack was condemned by Chile.")
        #expect(!cs2.contains { $0.rule.hasPrefix("event-noun") })
        // a stance on an act of another kind: "the arrests" do not refer back to a bombing
        let cs3 = extract5("The Sarni Movement bombed Peru. Chile condemned the arrests.")
        #expect(!has(cs3, "chile", .opposes, "sarnis"))
    }
}

@Suite struct MeetingVenues {
    @Test func aCapitalAsTheVenueHostsTheParticipants() {
        let cs = extract5("Chilean negotiators and the Tern Liberation Front met in Oslo on Tuesday.")
        #expect(has(cs, "chile", .meets, "tern-front") || has(cs, "tern-front", .meets, "chile"))
        #expect(has(cs, "norway", .hosts, "chile"))
        #expect(has(cs, "norway", .hosts, "tern-front"))
        // a participant at home hosts the other
        let cs2 = extract5("Peru met the Sarni Movement in Lima.")
        #expect(has(cs2, "peru", .hosts, "sarnis"))
        #expect(!has(cs2, "peru", .hosts, "peru"))
    }

    @Test func aPlaceThatIsTheTopicIsNoVenue() {
        let cs = extract5("Chile met the Tern Liberation Front to discuss the fighting in Peru.")
        #expect(!cs.contains { $0.type == .hosts })
        let cs2 = extract5("Chile held talks with the Sarni Movement about the crisis in Norway.")
        #expect(!cs2.contains { $0.type == .hosts })
    }

    @Test func travelToAStateIsAVisit() {
        let cs = extract5("Ada Kell travelled to Santiago to meet the Tern Liberation Front.")
        #expect(has(cs, "chile", .hosts, "ada-kell"))
        let cs2 = extract5("The Tern Liberation Front's leader flew to Oslo last week.")
        #expect(has(cs2, "norway", .hosts, "tern-front"))
    }
}

@Suite struct CoordinatedClauseCues {
    @Test func aCueBeforeAndANewSubjectStaysInItsClause() {
        let cs = extract5("The front rejected Peru's proposal, and Chile accused the Sarni Movement of attacking a pipeline.")
        #expect(has(cs, "chile", .opposes, "sarnis", .asserted))
        // without a new subject the cue still covers the second verb
        let cs2 = extract5("The Sarni Movement may attack Chile, and could strike Peru.")
        #expect(has(cs2, "sarnis", .opposes, "peru", .possible))
    }
}

@Suite struct AccusedActs {
    @Test func theActChargedIsReported() {
        let cs = extract5("Peru accused Chile of arming the Tern Liberation Front.")
        #expect(has(cs, "peru", .opposes, "chile", .asserted))
        #expect(has(cs, "chile", .supports, "tern-front", .reported))
        let cs2 = extract5("Norway blamed the Sarni Movement for attacking Peru.")
        #expect(has(cs2, "sarnis", .opposes, "peru", .reported))
        // passive: the accused is the subject
        let cs3 = extract5("Chile has been accused of harbouring the Sarni Movement.")
        #expect(has(cs3, "chile", .hosts, "sarnis", .reported))
        // a denial stays a denial
        let cs4 = extract5("Chile denied accusations of arming the Sarni Movement.")
        #expect(!has(cs4, "chile", .supports, "sarnis", .asserted))
        #expect(!has(cs4, "chile", .supports, "sarnis", .reported))
    }

    @Test func noChargeWithoutAnActorOrAnAct() {
        // the accuser never becomes the one charged
        let cs = extract5("Peru accused Chile of arming the Tern Liberation Front.")
        #expect(!has(cs, "peru", .supports, "tern-front"))
        // "of" + a noun is no act
        #expect(!extract5("Peru accused Chile of bad faith.").contains { $0.rule.hasPrefix("accused-of") })
    }
}

@Suite struct RegionsAndCounterparts {
    @Test func aRegionOfAStateIsAPlace() {
        let cs = extract5("The Sarni Movement struck Tern Liberation Front targets in northern Peru.")
        #expect(has(cs, "sarnis", .opposes, "tern-front"))
        #expect(!has(cs, "sarnis", .opposes, "peru"))
    }

    @Test func aNationalCounterpartIsTheState() {
        let cs = extract5("Chile's foreign minister met his Peruvian counterpart in Santiago.")
        #expect(has(cs, "chile", .meets, "peru") || has(cs, "peru", .meets, "chile"))
        #expect(has(cs, "chile", .hosts, "peru"))
    }
}

@Suite struct BlockingAndTies {
    @Test func blockingSanctionsCancelsThem() {
        let cs = extract5("Peru blocked new Chilean sanctions against the Sarni Movement.")
        #expect(!has(cs, "peru", .opposes, "sarnis"))
        #expect(!has(cs, "chile", .opposes, "sarnis"))
        // vetoing aid opposes its recipient
        let cs2 = extract5("Peru vetoed the aid package for the Sarni Movement.")
        #expect(has(cs2, "peru", .opposes, "sarnis"))
        #expect(!has(cs2, "peru", .supports, "sarnis"))
    }

    @Test func tiesToAndApproval() {
        #expect(has(extract5("Peru, which has close ties to the Sarni Movement, stayed silent."), "peru", .supports, "sarnis"))
        #expect(has(extract5("Chile approved Peru's request for arms."), "chile", .supports, "peru"))
    }
}

@Suite struct MoreDescriptions {
    @Test func theArmyIsTheStatesForces() {
        // round 4's graph has Velt's armed forces
        let cs = extract4("Velt rejected the plan on Monday. The army then shelled the Tern Liberation Front.")
        #expect(has(cs, "velt-army", .opposes, "tern-front"))
        // without forces in the graph, the state itself
        let cs2 = extract5("Peru refused the offer. The military later attacked the Sarni Movement.")
        #expect(has(cs2, "peru", .opposes, "sarnis"))
        let cs3 = extract5("The Sarni Movement lost ground. The insurgents then attacked Peru.")
        #expect(has(cs3, "sarnis", .opposes, "peru"))
    }
}

@Suite struct PredicatesAndScopes {
    @Test func aSecondVerbEndsTheObject() {
        let cs = extract5("The Sarni Movement attacked Peru. Chile condemned the attack and pledged Norway's help.")
        #expect(!has(cs, "chile", .opposes, "norway"))
        #expect(has(cs, "chile", .opposes, "sarnis"))
        // a shared object after "and" right after the verb is still the object
        #expect(has(extract5("The Sarni Movement attacked and shelled Peru."), "sarnis", .opposes, "peru"))
    }

    @Test func aDenialsComplementDoesNotReachASecondPredicate() {
        let cs = extract5("Peru denied that its troops had retreated, and accused the Sarni Movement of lying.")
        #expect(has(cs, "peru", .opposes, "sarnis", .asserted))
        // the complement itself stays denied
        #expect(has(extract5("Peru denied that it had armed the Sarni Movement."), "peru", .supports, "sarnis", .denied))
    }

    @Test func adverbsInsideAPhrase() {
        let cs = extract5("The Sarni Movement has clashed repeatedly with the Tern Liberation Front.")
        #expect(has(cs, "sarnis", .opposes, "tern-front"))
    }

    @Test func aNamedDescriptionReachesFurtherBack() {
        let text = """
        The Tern Liberation Front signed the accord in May. Peru welcomed it. Chile stayed silent. Norway sent observers. \
        Talks resumed. Markets rallied. Chile later accused the front of stalling.
        """
        #expect(has(extract5(text), "chile", .opposes, "tern-front"))
    }
}
