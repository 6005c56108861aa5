import ActorGraphCore
import Foundation

/// Modality cues and relation triggers in a sentence, from the lexicon.
extension Run {
    // MARK: Cues and triggers

    mutating func findCues() {
        cueHits = []
        for i in tokens.indices {
            guard let list = extractor.cues.byFirst[tokens[i].key] else { continue }
            // "last May", "in May 2025": the month, not the modal.
            if tokens[i].key == "may", i > 0, tokens[i].isCapitalized || ["in", "last", "next", "early", "late", "mid", "since", "until"].contains(tokens[i - 1].key) {
                continue
            }
            for (section, words) in list where i + words.count <= tokens.count {
                if words.indices.allSatisfy({ tokens[i + $0].key == words[$0] }) {
                    cueHits.append(CueHit(section: section, range: i..<(i + words.count)))
                }
            }
        }
    }

    static let objectPronouns: Set<String> = ["it", "them", "him", "us", "me", "this", "these", "those"]
    /// Verbs that "back" follows as an adverb ("sent back", "fought back", "scaled back", "put
    /// back on the list"), each with its -s, -ed and -ing forms.
    static let verbsBeforeBack: Set<String> = {
        var words: Set<String> = ["sent", "brought", "came", "went", "gone", "fought", "struck", "paid", "got", "gave",
                                  "given", "took", "taken", "held", "fell", "won", "flew", "put", "puts", "putting", "set", "sets", "setting"]
        for verb in ["send", "bring", "come", "go", "fight", "push", "pull", "turn", "strike", "roll", "scale", "step",
                     "pay", "hand", "get", "give", "take", "hold", "fall", "call", "win", "move", "bounce", "walk",
                     "fly", "head", "ship", "hit", "cut"] {
            let stem = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
            let doubled = ["step", "hit", "cut", "ship", "get", "win"].contains(verb) ? verb + String(verb.last!) : stem
            words.formUnion([verb, verb + "s", doubled + "ed", doubled + "ing", verb + "es"])
        }
        return words
    }()

    func findTriggers() -> [TriggerHit] {
        var hits: [TriggerHit] = []
        var i = 0
        let n = tokens.count
        while i < n {
            guard owner[i] == nil, tokens[i].kind == .word,
                  let variants = extractor.lexicon.variants[tokens[i].key] else { i += 1; continue }
            // "Finance Minister X", "Trade Secretary Y": a capitalised word of a title is no verb.
            if i > 0, tokens[i].isCapitalized, !tokens[i - 1].isCapitalized || tokens[i - 1].kind != .word,
               CueIndex.longest(extractor.cues.titles, tokens, at: i + 1) != nil { i += 1; continue }
            var matches: [(Lexicon.Variant, Lexicon.Trigger)] = []
            var ends: [Int: Int] = [:] // match index → end token
            for v in variants {
                if let end = phraseEnd(v.words, at: i) {
                    ends[matches.count] = end
                    matches.append((v, extractor.lexicon.triggers[v.trigger]))
                }
            }
            guard !matches.isEmpty else { i += 1; continue }
            let compound = tokens[i].hyphenBefore && i > 0 && owner[i - 1] != nil
            // A verb needs a subject before it: with no actor named yet, "Attacks on X…" is a noun.
            let nounContext = (i > 0 && (Self.determiners.contains(tokens[i - 1].key) || tokens[i - 1].kind == .possessive
                                         || (Self.prepositions.contains(tokens[i - 1].key) && tokens[i - 1].key != "to")))
                || !(0..<i).contains { owner[$0] != nil }
                || (i > 0 && owner[i - 1] == nil && tokens[i - 1].isCapitalized
                    && dictionary.matchState(tokens, at: i - 1).map { $0.1.isAdjective && $0.0 == 1 } == true)
            let hasNoun = matches.contains { $0.1.form != .verb && $0.1.form != .adjective }
            let verbs = matches.filter { $0.1.form == .verb || $0.1.form == .adjective }
            var chosen: [(Lexicon.Variant, Lexicon.Trigger)]
            if compound {
                chosen = verbs.filter { $0.0.isParticiple }
            } else if !verbs.isEmpty && (!hasNoun || !nounContext) {
                chosen = verbs
                // A base-form or -s verb right after a determiner is a noun ("the attack", "the back").
                if nounContext && verbs.allSatisfy({ !$0.0.isParticiple && $0.1.form == .verb }) { chosen = [] }
                // A plural right before "from" is a noun: "accepted demands from X".
                if i + 1 < n, tokens[i + 1].key == "from", verbs.allSatisfy({ !$0.0.isParticiple && !$0.0.isBase }),
                   hasNoun {
                    chosen = matches.filter { $0.1.form != .verb && $0.1.form != .adjective }
                }
            } else {
                chosen = matches.filter { $0.1.form != .verb && $0.1.form != .adjective }
            }
            // "a key ally of X", "Y's closest ally": a relational noun followed by "of"/"to" or
            // after a possessive is the noun, not a verb.
            if matches.contains(where: { $0.1.form == .role }),
               (i + 1 < n && ["of", "to"].contains(tokens[i + 1].key)) || possessor(before: i) != nil {
                chosen = matches.filter { $0.1.form == .role }
            }
            // "whose party is now in opposition": a place in politics, not opposition to anyone.
            if tokens[i].key == "opposition", i > 0, tokens[i - 1].key == "in", i + 1 >= n || tokens[i + 1].key != "to" {
                chosen = chosen.filter { $0.1.form != .noun }
            }
            // "X strikes a deal with Y", "struck an IMF deal": striking a bargain is no attack.
            if ["strike", "strikes", "struck", "striking"].contains(tokens[i].key),
               ((i + 1)..<min(n, i + 5)).contains(where: { ["deal", "deals", "agreement", "accord", "pact", "bargain", "compromise"].contains(tokens[$0].key) }) {
                chosen = chosen.filter { $0.1.type != .opposes }
            }
            // "opposition leader X", "the opposition United Democratic Party", "rebel commanders":
            // a noun that modifies a title, an agent noun or a name describes someone, it relates
            // nobody.
            if i + 1 < n, tokens[i + 1].kind == .word, !Self.prepositions.contains(tokens[i + 1].key),
               extractor.cues.agentNouns.contains(tokens[i + 1].key) || CueIndex.longest(extractor.cues.titles, tokens, at: i + 1) != nil
                || Self.describedNouns.contains(tokens[i + 1].key) || (tokens[i + 1].isCapitalized && i > 0 && !tokens[i].isCapitalized) {
                chosen = chosen.filter { $0.1.form != .noun }
            }
            // "37 jailed cartel members", "the armed groups": a participle between a number or a
            // determiner and a noun is an adjective.
            // "the outlawed Brotherhood": also before a name.
            if i > 0, i + 1 < n, tokens[i].key.hasSuffix("ed"), owner[i + 1] == nil || mentions[owner[i + 1]!].range.lowerBound == i + 1,
               tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized || owner[i + 1] != nil,
               !Self.prepositions.contains(tokens[i + 1].key), !Self.articles.contains(tokens[i + 1].key),
               tokens[i - 1].kind == .number || ["the", "a", "an", "these", "those", "its", "their", "his", "her", "some", "many", "several"].contains(tokens[i - 1].key) {
                chosen = chosen.filter { $0.1.form != .verb }
            }
            // "sending it back to parliament", "fought back", "pushed back against": after an
            // object pronoun or a verb of motion "back" is an adverb, not support.
            // ("US back Kyiv": a name is no pronoun.)
            if tokens[i].key == "back", i > 0, owner[i - 1] == nil,
               Self.objectPronouns.contains(tokens[i - 1].key) || Self.verbsBeforeBack.contains(tokens[i - 1].key) {
                chosen = chosen.filter { $0.1.form != .verb }
            }
            // The longest phrase per type.
            func length(_ m: (Lexicon.Variant, Lexicon.Trigger)) -> Int {
                let index = matches.firstIndex { $0.0.trigger == m.0.trigger && $0.0.words == m.0.words }!
                return ends[index]! - i
            }
            var perType: [RelationType: (Lexicon.Variant, Lexicon.Trigger)] = [:]
            for m in chosen where perType[m.1.type].map({ length(m) > length($0) }) ?? true { perType[m.1.type] = m }
            // Of a supporting and an opposing phrase, the longer wins: "fought alongside X" is
            // support, not the "fought" of opposition (hosting and support may go together).
            if let s = perType[.supports], let o = perType[.opposes], length(s) != length(o) {
                perType[length(s) > length(o) ? .opposes : .supports] = nil
            }
            var longest = 1
            for (_, m) in perType.sorted(by: { $0.key < $1.key }) {
                let l = length(m)
                hits.append(TriggerHit(trigger: m.1, range: i..<(i + l), isParticiple: m.0.isParticiple,
                                       reciprocalOnly: m.0.reciprocalOnly))
                longest = max(longest, l)
            }
            i += longest
        }
        return hits
    }

    /// Nouns that a relational noun before them only describes ("opposition figures").
    static let describedNouns: Set<String> = [
        "party", "parties", "figure", "figures", "politician", "politicians", "lawmaker", "lawmakers", "candidate",
        "candidates", "activist", "activists", "bloc", "camp", "groups", "group", "coalition", "movement", "mps",
        "legislators", "senator", "senators", "deputies", "supporters", "member", "members",
    ]

    static let articles: Set<String> = ["a", "an", "the"]
    static let quoteMarks: Set<String> = ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}"]

    /// Where a lexicon phrase starting at token `i` ends, if it is there: later words may follow
    /// up to four fillers each ("and" free), and an article in the phrase may be missing or another article.
    func phraseEnd(_ words: [String], at i: Int) -> Int? {
        let n = tokens.count
        var k = i + 1
        for w in words.dropFirst() {
            // "signed the agreements with": a noun of the phrase may be plural
            let plural = w.count >= 4 && !Self.prepositions.contains(w) ? w + "s" : w
            if Self.articles.contains(w) {
                if k < n, Self.articles.contains(tokens[k].key), owner[k] == nil { k += 1 }
                continue
            }
            // "demonstrated in the capital against X": a place phrase before a final "against".
            // "a meeting in the riverside town of Bender between X and Y", "held talks in Cairo on
            // Sunday with X" likewise before "between" and "with".
            // "signed a memorandum on critical minerals with X": a topic phrase before "with".
            if w == "against" || w == "between" || w == "with", k < n, tokens[k].key != w,
               Self.locationPrepositions.contains(tokens[k].key) || tokens[k].key == "through"
                || (w == "with" && ["on", "over", "about"].contains(tokens[k].key)) {
                var j = k + 1
                while j < n, j < k + 8, tokens[j].key != w, tokens[j].kind == .word || owner[j] != nil,
                      owner[j] == nil || mentions[owner[j]!].isLocation { j += 1 }
                if j < n, tokens[j].key == w { k = j }
            }
            // "reiterated its demand today that", "launched a mediation effort on Saturday between"
            if k < n, tokens[k].key != w, tokens[k].key != plural { k += timeAdverbial(at: k) }
            var skipped = 0
            // Quotation marks inside a phrase ("stood \"fully behind\" X") are skipped freely.
            while k < n, Self.quoteMarks.contains(tokens[k].key) { k += 1 }
            while k < n, tokens[k].key != w, tokens[k].key != plural, skipped < 4, owner[k] == nil,
                  Self.phraseFillers.contains(tokens[k].key) || tokens[k].kind == .number
                    || (tokens[k].key.hasSuffix("ly") && tokens[k].key.count > 4 && !tokens[k].isCapitalized) {
                if tokens[k].key != "and" { skipped += 1 }
                k += 1
                while k < n, Self.quoteMarks.contains(tokens[k].key) { k += 1 }
            }
            while k < n, Self.quoteMarks.contains(tokens[k].key) { k += 1 }
            guard k < n, tokens[k].key == w || tokens[k].key == plural, owner[k] == nil else { return nil }
            k += 1
        }
        return k
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The length of a short time adverbial at `k` ("today", "on Saturday", "Friday"), else 0.
    func timeAdverbial(at k: Int) -> Int {
        guard k < tokens.count, owner[k] == nil else { return 0 }
        let key = tokens[k].key
        if ["today", "yesterday", "tonight"].contains(key) || Self.weekdays.contains(key) { return 1 }
        if key == "on", k + 1 < tokens.count, Self.weekdays.contains(tokens[k + 1].key) { return 2 }
        return 0
    }
}
