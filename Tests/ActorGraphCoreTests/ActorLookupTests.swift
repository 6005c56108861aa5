import ActorGraphCore
import Testing

struct ActorLookupTests {
    let graph = ActorGraph(actors: [
        ActorNode(id: "mohammed-shia-al-sudani", name: "Mohammed Shia al-Sudani", kind: .person,
                  aliases: ["Al Sudani"]),
        ActorNode(id: "kataib-hezbollah", name: "Kataib Hezbollah", kind: .militia, aliases: ["Kata'ib Hezbollah"]),
        ActorNode(id: "kataib-imam-ali", name: "Kataib al-Imam Ali", kind: .militia),
        ActorNode(id: "hamas", name: "Hamas", kind: .organization, aliases: ["حماس"]),
        ActorNode(id: "iraq-gov", name: "Government of Iraq", kind: .government, aliases: ["Iraqi government"]),
        ActorNode(id: "erdogan", name: "Recep Tayyip Erdoğan", kind: .person),
    ])

    @Test(arguments: [
        ("sudani", "mohammed-shia-al-sudani"), ("Al-Sudani", "mohammed-shia-al-sudani"),
        ("AL SUDANI", "mohammed-shia-al-sudani"), ("hamas", "hamas"), ("HAMAS", "hamas"),
        ("حماس", "hamas"), ("kataib hezbollah", "kataib-hezbollah"), ("Kata’ib Hezbollah", "kataib-hezbollah"),
        ("erdogan", "erdogan"), ("Erdoğan", "erdogan"), ("iraqi government", "iraq-gov"),
    ])
    func findsByIDNameOrAliasIgnoringCaseAndDiacritics(_ query: String, _ id: String) {
        #expect(ActorLookup(graph).resolve(query) == .found(ActorID(id)))
    }

    @Test func ambiguousNamesListEveryMatch() {
        #expect(ActorLookup(graph).resolve("kataib") == .ambiguous(["kataib-hezbollah", "kataib-imam-ali"]))
    }

    @Test func unknownNamesOfferTheClosest() {
        guard case .notFound(let closest) = ActorLookup(graph).resolve("hamaz") else {
            Issue.record("expected notFound")
            return
        }
        #expect(closest.first == "hamas")
    }

    @Test func tooShortPartialsAreNotGuessed() {
        guard case .notFound = ActorLookup(graph).resolve("ha") else {
            Issue.record("two letters must not match by substring")
            return
        }
    }
}
