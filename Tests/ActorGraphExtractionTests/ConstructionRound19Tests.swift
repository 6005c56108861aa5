import ActorGraphCore
import ActorGraphExtraction
import Testing

/// After the ceiling measurement (docs/EXTRACTION.md, round 19): a speaker's act coordinated
/// with "said", a person named after a possessive description, and a state's organs where they sit.
@Suite struct Round19Constructions {
    @Test func aSpeakersActAfterSaidAndIsTheSpeakers() {
        // "X said [clause] and accused Y": X accuses, and the clause's "would" is not the act's
        let cs = extract13("Ada Kell said the move would isolate Norway and accused Bo Lund of lying.")
        #expect(has(cs, "ada-kell", .opposes, "bo-lund", .asserted))
        #expect(!cs.contains { $0.source == "norway" && $0.target == "bo-lund" })
        // two acts of speaking coordinated share their subject
        #expect(has(extract13("Chile called Norway's naval deployment \"a provocation\" and accused Peru of lying."), "chile", .opposes, "peru"))
        // a negation or a form of "be" in the reported clause is not the act's
        #expect(has(extract13("Ada Kell said there was no proof and accused Bo Lund of lying."), "ada-kell", .opposes, "bo-lund", .asserted))
        #expect(has(extract13("Ada Kell said the report was false and accused Bo Lund of lying."), "ada-kell", .opposes, "bo-lund", .asserted))
        // a material act after "and" stays in the reported clause
        let material = extract13("Ada Kell said Chile had attacked Peru and killed Bo Lund.")
        #expect(!material.contains { $0.source == "ada-kell" && $0.type == .opposes })
        // a speaker's act inside the reported clause keeps that clause's subject
        let inner = extract13("Ada Kell said Bo Lund accused Chile and condemned Peru.")
        #expect(has(inner, "bo-lund", .opposes, "peru", .reported))
        #expect(!inner.contains { $0.source == "ada-kell" && $0.target == "peru" })
    }

    @Test func aPossessiveDescriptionNamesTheOneItDescribes() {
        // "his counterpart X": X, not the owner of "his" (who is the subject, so nothing was found)
        #expect(has(extract13("Bo Lund met his Chilean counterpart Ada Kell in Lima."), "bo-lund", .meets, "ada-kell"))
        #expect(has(extract13("Bo Lund held talks on Monday with his counterpart, Ada Kell, in Lima."), "bo-lund", .meets, "ada-kell"))
        // "the former president's wife, X,": X, not the president
        let cs = extract13("Bo Lund ruled Peru until 2020. Chile sanctioned the former president's wife, Ada Kell, in May.")
        #expect(has(cs, "chile", .opposes, "ada-kell"))
        #expect(!has(cs, "chile", .opposes, "bo-lund"))
        // a speaker after the comma is no apposition
        #expect(!extract13("Chile will host his counterpart, Ada Kell said.").contains { $0.target == "ada-kell" })
    }

    @Test func aCourtOrPoliceInACapitalActForItsState() {
        #expect(has(extract13("A court in Lima sentenced Bo Lund to ten years in prison."), "peru", .opposes, "bo-lund"))
        #expect(has(extract13("Police in Santiago detained Bo Lund on Monday."), "chile", .opposes, "bo-lund"))
        // any other noun before "in" leaves the place a place
        #expect(!extract13("Protesters in Lima condemned Bo Lund.").contains { $0.source == "peru" })
    }

    @Test func aDelegationsLeaderIsReceivedToo() {
        let cs = extract13("Ada Kell received a Norwegian delegation led by Foreign Minister Bo Lund on Tuesday.")
        #expect(has(cs, "ada-kell", .hosts, "bo-lund"))
        #expect(has(cs, "ada-kell", .hosts, "norway"))
        let comma = extract13("Ada Kell received the Chilean delegation, led by Chile's foreign minister Cy Mora, in Lima.")
        #expect(has(comma, "ada-kell", .hosts, "cy-mora"))
    }

    @Test func aGovernmentWithoutACountryCodeIsStillTheStateOfItsName() {
        // the graph gives no country codes: "Thai", "Bangkok" and "Phnom Penh" are still its actors
        let graph = [ActorNode(id: "th", name: "Thailand", kind: .government),
                     ActorNode(id: "kh", name: "Government of Cambodia", kind: .government)]
        let cs = extractWith(graph, "Thai and Cambodian soldiers exchanged artillery fire on Thursday. Bangkok condemned Phnom Penh.")
        #expect(has(cs, "th", .opposes, "kh"))
        #expect(has(cs, "kh", .opposes, "th"))
        #expect(cs.allSatisfy { !$0.source.rawValue.hasPrefix("new-") && !$0.target.rawValue.hasPrefix("new-") })
        // two governments named like one state: neither is guessed
        let two = [ActorNode(id: "th1", name: "Thailand", kind: .government),
                   ActorNode(id: "th2", name: "Thailand", kind: .government, aliases: ["Siam"]),
                   ActorNode(id: "kh", name: "Cambodia", kind: .government)]
        #expect(!has(extractWith(two, "Bangkok condemned Phnom Penh."), "th2", .opposes, "kh"))
    }

    @Test func aStrikeOnWhatIsInAStateStrikesTheState() {
        #expect(has(extract13("Chilean drones struck energy facilities in Peru overnight."), "chile", .opposes, "peru"))
        // a party named first is the target, not the place
        let cs = extract13("Chilean jets struck Tern Liberation Front positions in Peru.")
        #expect(has(cs, "chile", .opposes, "tern-front"))
        #expect(!has(cs, "chile", .opposes, "peru"))
        // receiving or hosting in a place is still no relation with it
        #expect(!has(extract13("Chile hosted talks in Peru."), "chile", .hosts, "peru"))
    }

    @Test func aWhoseClauseActsForItsAntecedentAfterAPreposition() {
        let cs = extract13("The deal was challenged by Ada Kell, whose audit accused the Tern Liberation Front of fraud.")
        #expect(has(cs, "ada-kell", .opposes, "tern-front"))
    }

    @Test func namesThatOpenWithADigitAndSharedAdjectives() {
        let graph = [ActorNode(id: "3r", name: "3R", kind: .militia),
                     ActorNode(id: "drc", name: "Democratic Republic of the Congo", kind: .government, country: "CD")]
        let cs = extractWith(graph, "Fighters of the 3R rebel group attacked Congolese troops near the border.")
        #expect(has(cs, "3r", .opposes, "drc"))
        // "1990s" and "15th" stay numbers: no name is read in them
        #expect(extractWith(graph, "In the 1990s the 15th brigade attacked Congolese troops.").allSatisfy { $0.source != "3r" })
    }

    @Test func aStatesNamedMinistryIsTheStateNotANewOrganisation() {
        let cs = extract13("Chile's Defence Ministry condemned Peru. The Peruvian Interior Ministry condemned Chile.")
        #expect(has(cs, "chile", .opposes, "peru"))
        #expect(has(cs, "peru", .opposes, "chile"))
        #expect(cs.allSatisfy { !$0.source.rawValue.hasPrefix("new-") })
        // "the General Staff" is no person called "Staff"
        #expect(extract13("Chile's General Staff condemned Peru.").allSatisfy { $0.source == "chile" })
        // an official after the possessive stays a person ("Peru's Foreign Minister, Ada Kell")
        #expect(has(extract13("Bo Lund will meet Peru's Foreign Minister, Ada Kell, in Oslo."), "bo-lund", .meets, "ada-kell"))
    }

    @Test func aTimeStillToComeMakesTheRelationPossible() {
        #expect(has(extract13("Bo Lund has accepted an invitation to visit Lima early next year."), "peru", .hosts, "bo-lund", .possible))
        // an act someone is accused or blamed for is an allegation
        #expect(has(extract13("Bo Lund, accused of commissioning the murder of Ada Kell, appeared in court."), "bo-lund", .opposes, "ada-kell", .reported))
        #expect(has(extract13("The Tern Liberation Front is blamed for the killing of Ada Kell."), "tern-front", .opposes, "ada-kell", .reported))
        // the accusation itself stays asserted
        #expect(has(extract13("Chile accused Peru of lying."), "chile", .opposes, "peru", .asserted))
        // a later phrase after a coordinator does not reach back
        #expect(has(extract13("Bo Lund met Ada Kell last week and they agreed to talk again next month."), "bo-lund", .meets, "ada-kell", .asserted))
    }

    @Test func aNounGivenToSomeoneIsTheGiversRelationWithThem() {
        #expect(has(extract13("Chile handed Bo Lund a protest note on Monday."), "chile", .opposes, "bo-lund"))
        #expect(has(extract13("Chile summoned Bo Lund and handed him a note of protest."), "chile", .opposes, "bo-lund"))
        // no object between the verb and the noun: nobody is given it
        #expect(extract13("Chile handed a protest note to the press.").isEmpty)
    }

    @Test func aFormerMemberIsNoLongerOneWithTheBody() {
        let peru = ActorNode(id: "peru", name: "Government of Peru", kind: .government, aliases: ["Peru"], country: "PE")
        let former = ActorNode(id: "castillo", name: "Pedro Castillo", kind: .person, country: "PE",
                               memberOf: [Membership(actor: "peru", role: "President", until: PartialDate(year: 2022, month: 12))])
        let current = ActorNode(id: "jeri", name: "Jose Jeri", kind: .person, country: "PE", memberOf: [Membership(actor: "peru")])
        let text = "A court in Lima sentenced Castillo to 11 years. Jose Jeri condemned Peru."
        let x = try! Extractor(graph: ActorGraph(actors: [peru, former, current]), lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())
        let cs = x.extract(text: text, document: "d", date: PartialDate(year: 2026, month: 1, day: 15)).candidates
        // without a date the membership may still hold: no relation
        #expect(!has(x.extract(text: text, document: "d", date: nil).candidates, "peru", .opposes, "castillo"))
        #expect(has(cs, "peru", .opposes, "castillo"))
        // a current member and its body still speak as one
        #expect(!cs.contains { $0.source == "jeri" && $0.target == "peru" })
    }

    @Test func moreWordsMayStandInsideAPhrase() {
        #expect(has(extract13("Bo Lund and Ada Kell held two days of talks in Oslo."), "bo-lund", .meets, "ada-kell"))
        #expect(has(extract13("Chile has invested heavily in Peru."), "chile", .supports, "peru"))
        #expect(has(extract13("Norway will host a conference to raise money for the Tern Liberation Front."), "norway", .supports, "tern-front"))
        let cs = extract13("Norway brokered a fragile ceasefire between Peru and Chile.")
        #expect(has(cs, "norway", .meets, "peru") && has(cs, "norway", .meets, "chile"))
    }

    @Test func aMonarchByTitleIsTheLastFittingPerson() {
        // only an actor so named: "the sultan" is Sultan Haji Omar, "the chancellor" nobody here
        let graph = round13Graph + [ActorNode(id: "omar", name: "Sultan Haji Omar", kind: .person)]
        let cs = extractWith(graph, "Sultan Haji Omar flew home on Monday. The sultan later received Ada Kell for talks on trade.")
        #expect(has(cs, "omar", .hosts, "ada-kell") || has(cs, "omar", .meets, "ada-kell"))
        // (a relation to oneself is dropped anyway, so the test names someone else: "the
        // chancellor" is not the last person named, Ada Kell)
        #expect(!extractWith(graph, "Bo Lund met Ada Kell on Monday. The chancellor will visit Oslo next month.")
            .contains { $0.target == "ada-kell" && $0.type == .hosts })
    }

    @Test func fourOrMoreSignatoriesAreNoWebOfPairwiseSupport() {
        let four = extract13("Peru, Chile, Norway and Fiji signed an agreement on fisheries on Monday.")
        #expect(!four.contains { $0.type == .supports })
        // two or three still support each other
        let two = extract13("Peru and Chile signed an agreement on fisheries on Monday.")
        #expect(has(two, "peru", .supports, "chile") && has(two, "chile", .supports, "peru"))
        // a meeting of four is still every pair's meeting
        #expect(has(extract13("Peru, Chile, Norway and Fiji met in Lima."), "norway", .meets, "fiji"))
    }

    /// Misreadings a review of round 19 found, each fixed before it reached a measurement.
    @Test func theReviewsCounterExamplesStayRight() {
        // a clause after ", but" has its own subject
        let but = extract13("Chile said the strike hit a depot, but Peru denied the claim and accused Chile of lying.")
        #expect(has(but, "peru", .opposes, "chile"))
        // another's organ in a capital is not the state's
        let graph = round13Graph + [ActorNode(id: "houthis", name: "Houthis", kind: .militia, aliases: ["Houthi"])]
        #expect(!extractWith(graph, "Houthi authorities in Lima detained Bo Lund.").contains { $0.source == "peru" })
        // an apposition that alleges something does not hedge the clause's act
        #expect(has(extract13("Bo Lund, accused of fraud, met Ada Kell on Monday."), "bo-lund", .meets, "ada-kell", .asserted))
        // a past event later the same day, or before next week's summit, is no future
        #expect(has(extract13("Bo Lund met Ada Kell later Monday."), "bo-lund", .meets, "ada-kell", .asserted))
        #expect(has(extract13("Bo Lund met Ada Kell on Tuesday ahead of next week's summit."), "bo-lund", .meets, "ada-kell", .asserted))
        // striking a deal in a capital attacks nobody
        #expect(!extract13("Peru and Chile struck a deal in Oslo.").contains { $0.type == .opposes })
        // four armed parties that clash still oppose each other
        #expect(has(extract13("Forces of Peru, Chile, Norway and Fiji clashed near the border."), "norway", .opposes, "fiji"))
        // a possessive's apposition is a person followed by a pause, not a speaker
        #expect(!extract13("Chile condemned Peru's attack, Bo Lund wrote on Monday.").contains { $0.target == "bo-lund" })
    }

    @Test func threeLetterSurnamesAndRelativeClausesInsideAnApposition() {
        let graph = round13Graph + [ActorNode(id: "eke", name: "Aisake Eke", kind: .person),
                                    ActorNode(id: "may", name: "Theresa May", kind: .person)]
        // "Eke" alone is Aisake Eke, past an apposition that holds a relative clause and a name
        let cs = extractWith(graph, "Eke, a former minister who succeeded Bo Lund in January, accused Ada Kell of lying.")
        #expect(has(cs, "eke", .opposes, "ada-kell"))
        #expect(!has(cs, "bo-lund", .opposes, "ada-kell"))
        // a three-letter word common in news is no surname: "May" is the month
        #expect(!extractWith(graph, "In May Chile condemned Peru.").contains { $0.source == "may" || $0.target == "may" })
    }
}

