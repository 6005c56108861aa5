import ActorGraphCore
import ActorGraphExtraction
import Testing

/// Session of 30 November, morning (docs/EXTRACTION.md): a subject opened by a negative
/// determiner denies its clause's act; "back" after "put" or "set" is an adverb; a state's police
/// or navy is the organ the graph lists; a dateline's unknown city is followed by its state.
@Suite struct Round20Constructions {
    @Test func aNegativeSubjectDeniesTheAct() {
        // "no member of his cabinet had met X": the cabinet met nobody
        #expect(has(extract13("Chile said that no member of its cabinet had met Bo Lund."), "chile", .meets, "bo-lund", .denied))
        #expect(has(extract13("No Chilean minister met Bo Lund in Lima."), "chile", .meets, "bo-lund", .denied))
        #expect(has(extract13("A Chilean minister met Bo Lund in Lima."), "chile", .meets, "bo-lund", .asserted))
        // the same clause without the determiner is asserted, and "no" elsewhere is not the subject's
        #expect(has(extract13("Chile said that a member of its cabinet had met Bo Lund."), "chile", .meets, "bo-lund", .asserted))
        #expect(has(extract13("With no warning, Chile condemned Bo Lund."), "chile", .opposes, "bo-lund", .asserted))
        // "No." before a number is an abbreviation, not a negation
        #expect(has(extract13("No. 2 official Ada Kell met Bo Lund in Lima."), "ada-kell", .meets, "bo-lund", .asserted))
    }

    @Test func backAfterPutIsAnAdverb() {
        // "was put back on the list": no one backs anyone
        let cs = extract13("Peru was put back on the list by Chile in 2013, a decision Norway criticised.")
        #expect(!cs.contains { $0.type == .supports })
        #expect(has(extract13("Chile backed Peru in 2013."), "chile", .supports, "peru"))
    }

    /// A graph that lists Peru's police and Chile's navy as actors of their own.
    static let organs: [ActorNode] = round13Graph + [
        ActorNode(id: "pnp", name: "National Police of Peru", kind: .government, aliases: ["PNP"], country: "PE"),
        ActorNode(id: "chile-navy", name: "Chilean Navy", kind: .government, country: "CL", memberOf: [Membership(actor: "chile")]),
        ActorNode(id: "carabineros", name: "Carabineros", kind: .government, aliases: ["Chilean police"], country: "CL"),
    ]

    @Test func aStatesPoliceOrNavyIsTheOrganTheGraphLists() {
        // the organ's noun after the state
        #expect(has(extractWith(Self.organs, "Peruvian police detained Bo Lund on Monday."), "pnp", .opposes, "bo-lund"))
        #expect(has(extractWith(Self.organs, "Chile's navy attacked the Tern Liberation Front on Monday."), "chile-navy", .opposes, "tern-front"))
        // the noun alone: the dateline's state, or the place after "in"
        #expect(has(extractWith(Self.organs, "LIMA, May 3 (Agency) - Police arrested Bo Lund on Tuesday."), "pnp", .opposes, "bo-lund"))
        #expect(has(extractWith(Self.organs, "Police in Lima arrested Bo Lund on Tuesday."), "pnp", .opposes, "bo-lund"))
        // without the organ in the graph, the state as before
        #expect(has(extract13("Police in Lima arrested Bo Lund on Tuesday."), "peru", .opposes, "bo-lund"))
        #expect(has(extract13("Peruvian police detained Bo Lund on Monday."), "peru", .opposes, "bo-lund"))
        // no dateline: the one police force in the graph, also when it is a member of its government
        let member = round13Graph + [ActorNode(id: "pnp", name: "National Police of Peru", kind: .government, country: "PE",
                                               memberOf: [Membership(actor: "peru")])]
        #expect(has(extractWith(member, "Police arrested Bo Lund on Tuesday."), "pnp", .opposes, "bo-lund"))
        // another's organ, a navy without its article, and a state with no such organ stay unread
        #expect(!extractWith(Self.organs, "Chile said its police had detained Bo Lund.").contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "SANTIAGO, May 3 (Agency) - Police arrested Bo Lund on Tuesday.").contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "Warships attacked the Tern Liberation Front on Monday.").contains { $0.source == "chile-navy" })
        // an organ is no antecedent of "the government"
        let cs = extractWith(Self.organs, "Peruvian police detained Bo Lund. Ada Kell condemned the government.")
        #expect(!cs.contains { $0.source == "ada-kell" && $0.target == "pnp" })
    }

    @Test func aDatelineCityTheGazetteerDoesNotKnowStillGivesItsState() {
        // "PUNO, Peru, May 3 (Agency) -": the story is told from Peru, so "the government" is Peru's
        // although Chile was named since, and "police" are Peru's
        let story = extract13("PUNO, Peru, May 3 (Agency) - Chile sent an envoy on Monday. The government condemned Bo Lund on Tuesday.")
        #expect(has(story, "peru", .opposes, "bo-lund"))
        #expect(!has(story, "chile", .opposes, "bo-lund"))
        #expect(has(extractWith(Self.organs, "SAN PEDRO DE PUNO, Peru, May 3 (Agency) - Police arrested Bo Lund."), "pnp", .opposes, "bo-lund"))
        // without a state right after the city, no dateline: two police forces, neither is read
        #expect(!extractWith(Self.organs, "PUNO, May 3 (Agency) - Police arrested Bo Lund.").contains { $0.target == "bo-lund" && $0.type == .opposes })
    }

    /// The independent review's counter-examples (docs/EXTRACTION.md, round 20's review).
    @Test func theReviewsCounterExamplesStayRight() {
        // a negative subject of another clause, or "no" that negates nothing
        #expect(has(extract13("No one was injured when Chilean troops attacked Peru on Monday."), "chile", .opposes, "peru", .asserted))
        #expect(has(extract13("No agreement was reached and Chile met Peru again on Friday."), "chile", .meets, "peru", .asserted))
        #expect(has(extract13("No fewer than 20 Chilean soldiers attacked Peru on Monday."), "chile", .opposes, "peru", .asserted))
        #expect(has(extract13("No 2 official Ada Kell met Bo Lund in Lima."), "ada-kell", .meets, "bo-lund", .asserted))
        // a region's police is not the state's
        let regions = Self.organs + [ActorNode(id: "tacna", name: "Regional Government of Tacna", kind: .government,
                                               aliases: ["Tacna"], country: "PE")]
        #expect(!extractWith(regions, "Tacna's police arrested Bo Lund on Monday.").contains { $0.source == "pnp" })
        // police elsewhere than the dateline's state, someone else's police, and "police" as a verb
        #expect(!extractWith(Self.organs, "LIMA, May 3 (Agency) - Bo Lund fled to Chile. Police there arrested him on Monday.")
            .contains { $0.source == "pnp" })
        #expect(has(extractWith(Self.organs, "LIMA, May 3 (Agency) - Police in the Chilean city of Arica arrested Bo Lund."),
                    "carabineros", .opposes, "bo-lund"))
        #expect(!extractWith(Self.organs, "LIMA, May 3 (Agency) - Chile's foreign minister said police had detained Bo Lund.")
            .contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "LIMA, May 3 (Agency) - The regional police arrested Bo Lund.").contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "LIMA, May 3 (Agency) - Chilean-led police attacked the Tern Liberation Front.")
            .contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "LIMA, May 3 (Agency) - Troops who police the north attacked the Tern Liberation Front.")
            .contains { $0.source == "pnp" })
        #expect(!extractWith(Self.organs, "SANTIAGO, May 3 (Agency) - The navy of the Tern Liberation Front attacked Peru.")
            .contains { $0.source == "chile-navy" })
        // "accused the police of firing": still the police
        #expect(has(extractWith(Self.organs, "LIMA, May 3 (Agency) - Bo Lund accused the police of firing on protesters."),
                    "bo-lund", .opposes, "pnp"))
        // a first sentence that only looks like a dateline
        let nato = round13Graph + [ActorNode(id: "nato", name: "North Atlantic Treaty Organization", kind: .international, aliases: ["NATO"])]
        let list = extractWith(nato, "NATO, Peru, and Chile condemned the Tern Liberation Front on Monday.")
        #expect(has(list, "nato", .opposes, "tern-front"))
        #expect(has(list, "peru", .opposes, "tern-front"))
        // "both sides" may be a police force; "both governments" may not
        let sides = extractWith(Self.organs, "Peruvian police clashed with the Tern Liberation Front on Monday. The two sides clashed again on Tuesday.")
        #expect(!sides.contains { $0.sentence == 1 && ($0.source == "peru" || $0.target == "peru") })
        // "Peruvian police officers" as "Peruvian police"
        #expect(has(extractWith(Self.organs, "Peruvian police officers detained Bo Lund on Monday."), "pnp", .opposes, "bo-lund"))
    }
}
