import ActorGraphCore
import Foundation

/// Clause structure around a trigger: predicates, appositions, lists, negation.
extension Run {
    /// The country an actor belongs to, from the graph or its proposal.
    func country(of actor: ActorID) -> String? {
        dictionary.countries[actor] ?? proposals[actor]?.country
    }

    /// The subject of a predicative phrase ("Y, loyal to X", "Y is close to X", "Y, seen as
    /// close to X"): the mention right before it, with at most a copula and a few words between.
    func predicateSubject(before i: Int) -> [Int] {
        let between: Set<String> = [
            ",", "is", "are", "was", "were", "be", "been", "being", "remains", "remain", "seen", "as", "considered",
            "very", "increasingly", "firmly", "long", "politically", "has", "have", "had", "also", "still", "now",
        ]
        var k = i - 1
        while k >= 0, k >= i - 5, owner[k] == nil, between.contains(tokens[k].key) || tokens[k].key.hasSuffix("ly") { k -= 1 }
        if k >= 0, let m = owner[k], !mentions[m].isLocation { return coordinated(m) }
        // "X said it was seriously concerned by Y": a pronoun subject after a speech verb is
        // the speaker.
        if k >= 1, ["it", "they", "he", "she", "we"].contains(tokens[k].key), owner[k] == nil,
           Self.speakerCues.contains(tokens[k - 1].key) || (k >= 2 && tokens[k - 1].key == "that" && Self.speakerCues.contains(tokens[k - 2].key)) {
            return subjects(before: k - (tokens[k - 1].key == "that" ? 1 : 0))
        }
        return []
    }

    /// The head of an apposition ending right before token `i`: "Y, a militia …", "Y, the
    /// country's main ally …", "Y is a proxy …", "Y as an ally …": Y, when the phrase between is
    /// an article and at most four more words.
    func appositionHead(before i: Int) -> Int? {
        var k = i - 1
        var words = 0
        var article = false
        while k >= 0, words <= 5 {
            let key = tokens[k].key
            if Self.articles.contains(key) || key == "one" { article = true; k -= 1; break }
            guard owner[k] == nil, tokens[k].kind == .word || tokens[k].kind == .possessive else { return nil }
            k -= 1
            words += 1
        }
        guard article, k >= 1 else { return nil }
        if tokens[k].key == "," || ["is", "was", "are", "were", "as", "remains", "became", "becomes"].contains(tokens[k].key) {
            k -= 1
        } else { return nil }
        guard k >= 0, let m = owner[k], !mentions[m].isLocation else { return nil }
        return m
    }

    /// A mention and those listed with it after it: "A, B and C", and a list introduced by
    /// "such as" or "including" within the same clause ("groups under X, such as A and B").
    func listed(from m: Int) -> [Int] {
        var result = [m]
        var j = mentions[m].range.upperBound
        let n = tokens.count
        func list(at start: Int) -> Int {
            var j = start
            while j + 1 < n, Self.coordination.contains(tokens[j].key) {
                var next = j + 1
                if tokens[next].key == "and" || tokens[next].key == "or" { next += 1 }
                if next < n, tokens[next].key == "the" { next += 1 }
                guard next < n, let other = owner[next], !mentions[other].isLocation else { break }
                if !result.contains(other) { result.append(other) }
                j = mentions[other].range.upperBound
            }
            return j
        }
        j = list(at: j)
        var k = j
        while k + 1 < n, k < j + 16 {
            let key = tokens[k].key
            if [";", ".", ":", "(", ")"].contains(key) || Self.clauseWords.contains(key) { break }
            if (key == "such" && tokens[k + 1].key == "as") || key == "including" {
                let first = key == "such" ? k + 2 : k + 1
                if first < n, let other = owner[first], !mentions[other].isLocation {
                    if !result.contains(other) { result.append(other) }
                    _ = list(at: mentions[other].range.upperBound)
                }
                break
            }
            k += 1
        }
        return result
    }
    /// Nouns for meetings as events ("hosted the talks", "a summit hosted by X").
    static let eventNouns: Set<String> = [
        "meeting", "meetings", "talks", "summit", "conference", "negotiations", "gathering", "forum", "event",
        "session", "round", "dialogue", "consultations",
    ]

    /// Speech verbs that make "Y must …" a demand on Y.
    static let demandVerbs: Set<String> = [
        "said", "says", "declared", "declares", "announced", "reiterated", "insisted", "insists", "stressed",
        "warned", "concluded", "told", "added", "demanded", "urged",
    ]

    /// Verbs whose infinitive complement names the target: "threatened to strike X".
    static let threatVerbs: Set<String> = ["threaten", "vow", "warn", "pledge", "promise", "swear", "plan"]
    /// Armed strikes, whose object may be a place in a state ("struck targets in Y").
    static let strikeVerbs: Set<String> = ["strike", "hit", "bomb", "shell", "bombard", "raid"]
    /// Verbs of saying that are no speaker cue of modality: "…, X wrote on Telegram".
    static let writingVerbs: Set<String> = [
        "wrote", "writes", "tweeted", "posted", "announced", "declared", "insisted", "argued", "explained", "replied",
        "responded", "stressed", "emphasised", "emphasized", "asserted", "acknowledged",
    ]

    /// Whether the word says or writes something ("said", "told", "wrote"): after a name, the
    /// name is a speaker, not an apposition or an object.
    static func saysOrWrites(_ key: String) -> Bool { speakerCues.contains(key) || writingVerbs.contains(key) }

    /// Whether mention `q` is a person named in a pause: followed by a comma, a full stop, a
    /// semicolon or the end ("the former president's wife, X,", "his counterpart, X.").
    func isPausedPerson(_ q: Int) -> Bool {
        guard mentions[q].kind == .person, mentions[q].rule != .anaphora else { return false }
        let after = mentions[q].range.upperBound
        return after == tokens.count || [",", ".", ";"].contains(tokens[after].key)
    }

    /// What one strikes without attacking it: "struck a deal in Doha".
    static let dealNouns: Set<String> = ["deal", "deals", "agreement", "agreements", "bargain", "accord", "compromise", "balance", "chord", "note"]

    /// Four or more distinct parties that support each other together (sign, agree): a
    /// multilateral act, not a web of pairwise support. Meetings and fights stay pairwise.
    func multilateral(_ parties: [Int], _ type: RelationType) -> Bool {
        type == .supports && Set(parties.map { mentions[$0].actor }).count >= 4
    }
    static let clauseWords: Set<String> = ["said", "says", "but", "while", "which", "who", "that", "when", "after", "before"]

    mutating func objectOfRecord(_ object: Int, _ subjects: [Int]) {
        if objectOf[object] == nil, !subjects.isEmpty { objectOf[object] = subjects }
    }

    func isNegated(before start: Int) -> Bool {
        // "X said there was no proof and accused Y": the negation is the reported clause's.
        if speechVerb(coordinatedWith: start) != nil { return false }
        return cueHits.contains { $0.section == "negation" && $0.range.upperBound <= start && start - $0.range.upperBound <= 2 }
            || hasNegativeSubject(before: start)
    }

    /// Words that open a negative subject: "no member of his cabinet had met X", "none of the
    /// parties backed Y", "nobody in the government has spoken to Z".
    static let negativeDeterminers: Set<String> = ["no", "none", "nobody", "neither"]
    /// Where a clause's subject starts, looking back from its verb.
    static let subjectBoundaries: Set<String> = clauseWords.union([
        ",", ";", ":", "because", "\"", "“", "”", "as", "and", "than", "so", "since", "until", "if", "where", "once",
    ])
    /// Words after "no" that make no negative subject: "no fewer than", "no sooner", "no doubt".
    static let notNegating: Set<String> = ["fewer", "less", "more", "sooner", "doubt", "longer", "matter", "way", "."]
    /// Forms of "be", "have" and modals: one between the subject and its verb starts a clause of
    /// its own ("No one was injured when X attacked Y"), unless it is the verb's own ("had met").
    static let clauseVerbs: Set<String> = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might",
        "should", "must", "did", "does", "do",
    ]

    /// Whether the clause of the verb at `start` opens with a negative determiner ("no", "none",
    /// "nobody", "neither") at most eight words before it: the subject is nobody, so the act is
    /// denied. Not "No. 2", "No 2", "no-fly", "no fewer than", nor a subject with a verb of its own.
    func hasNegativeSubject(before start: Int) -> Bool {
        var k = start - 1
        while k >= 0, start - k <= 8, !Self.subjectBoundaries.contains(tokens[k].key) { k -= 1 }
        let first = k + 1
        guard first + 1 < start, start - first <= 8, Self.negativeDeterminers.contains(tokens[first].key) else { return false }
        let next = tokens[first + 1]
        if Self.notNegating.contains(next.key) || next.hyphenBefore || next.key.first?.isNumber == true { return false }
        // the verb's own auxiliaries come right before it; any other is another clause's verb
        var end = start
        while end > first + 1, Self.clauseVerbs.contains(tokens[end - 1].key) || tokens[end - 1].key == "not" { end -= 1 }
        return !(first + 1..<end).contains { Self.clauseVerbs.contains(tokens[$0].key) }
    }

    /// The person named in apposition right after a description that starts with mention `m`:
    /// "the EU's special representative, Peter Sørensen", "his Thai counterpart, Anutin
    /// Charnvirakul" (the mention being the adjective), "the Iranian envoy, X".
    func appositivePerson(after m: Int) -> Int? {
        guard mentions[m].kind != .person else { return nil }
        var k = mentions[m].range.upperBound
        if k < tokens.count, tokens[k].kind == .possessive { k += 1 }
        var words = 0
        while k < tokens.count, words <= 4, owner[k] == nil, tokens[k].kind == .word, !tokens[k].isCapitalized || words == 0 && mentions[m].rule == .adjective,
              !Self.prepositions.contains(tokens[k].key) || tokens[k].key == "for" {
            k += 1; words += 1
        }
        guard mentions[m].rule == .adjective || words > 0, k < tokens.count else { return nil }
        // "his Nigerian counterpart Bola Tinubu": the name right after, without a comma too.
        if let p = owner[k], mentions[p].kind == .person, mentions[m].rule == .adjective { return p }
        // not a pronoun after a time ("travelled to Berlin last month, he said")
        guard k + 1 < tokens.count, tokens[k].key == ",", let p = owner[k + 1], mentions[p].kind == .person,
              mentions[p].rule != .anaphora else { return nil }
        // "… later this year, Aguero said", "…'s attack, X wrote": a speaker, not an apposition
        let after = mentions[p].range.upperBound
        if after < tokens.count, Self.saysOrWrites(tokens[after].key) { return nil }
        return p
    }

    /// "met his Algerian counterpart Ahmed Attaf", "his counterpart, X": the person named by a
    /// description that opens with a possessive pronoun (mention `m`, which stands for the
    /// description's owner, not for the one described). Looks up to five words ahead.
    func personDescribed(byPossessive m: Int) -> Int? {
        let at = mentions[m].range.lowerBound
        guard mentions[m].rule == .anaphora, mentions[m].range.count == 1,
              ["his", "her", "its", "their"].contains(tokens[at].key) else { return nil }
        var k = at + 1
        while k < tokens.count, k <= at + 5 {
            if let q = owner[k] {
                if mentions[q].kind == .person, mentions[q].rule != .anaphora { return q }
                return appositivePerson(after: q)
            }
            if tokens[k].key == ",", k > at + 1, k + 1 < tokens.count, let q = owner[k + 1],
               mentions[q].kind == .person, mentions[q].rule != .anaphora {
                return isPausedPerson(q) ? q : nil
            }
            guard tokens[k].kind == .word, !Self.prepositions.contains(tokens[k].key) else { return nil }
            k += 1
        }
        return nil
    }

    /// The comma that opens an apposition closed by the comma at `k` ("X, his son and the LNA's
    /// deputy commander, was received"): right after a mention, opening with a determiner, a
    /// possessive or an agent noun, within 20 tokens and no other comma between. The subject is
    /// the mention before it.
    func appositionOpening(closingAt k: Int) -> Int? {
        var j = k - 1
        while j > 0, j >= k - 20 {
            if tokens[j].key == "," {
                // ", the leader of X,", and bare ", leader of X," / ", former head of X,"
                let first = j + 2 < k && ["former", "then", "acting", "deputy"].contains(tokens[j + 1].key) ? j + 2 : j + 1
                // ", Malawi's largest bilateral lender,": a possessive opens it too
                let possessive = owner[j + 1].map { mentions[$0].range.upperBound < k && tokens[mentions[$0].range.upperBound].kind == .possessive } ?? false
                guard j + 1 < k, ["his", "her", "its", "their", "the", "a", "an"].contains(tokens[j + 1].key) || possessive
                        || (owner[first] == nil && extractor.cues.agentNouns.contains(tokens[first].key)),
                      let m = owner[j - 1], !mentions[m].isLocation else { return nil }
                return j
            }
            // a relative clause inside is the apposition's own (", a former minister who succeeded
            // Y,"); the opener decides whether it is one
            if [";", ":", "(", ")"].contains(tokens[j].key) { return nil }
            j -= 1
        }
        return nil
    }
}
