import ActorGraphCore
import ActorGraphExtraction
import Testing

/// What the extractor recognised per sentence (`sentenceMentions`, `analyse`): the basis of the
/// ceiling measurement in scripts/extract-ceiling.
@Suite struct SentenceAnalysisTests {
    let extractor = try! Extractor(graph: ActorGraph(actors: round13Graph), lexicon: Lexicon.bundled(), gazetteer: Gazetteer.bundled())

    @Test func mentionsPerSentenceResolvePronounsAndTitles() {
        let text = "Bo Lund flew to Lima on Monday. He praised Chile, and President Cy Mora thanked him."
        let sentences = extractor.sentenceMentions(text: text, document: "d")
        #expect(sentences.count == 2)
        #expect(sentences[0].text == "Bo Lund flew to Lima on Monday.")
        // Lima is a place: Peru's capital, recognised as Peru
        #expect(sentences[0].actors == ["bo-lund", "peru"])
        #expect(sentences[1].actors.contains("chile") && sentences[1].actors.contains("cy-mora"))
        // "He" continues Bo Lund
        #expect(sentences[1].actors.contains("bo-lund"))
    }

    @Test func analysisCarriesTokensTriggersAndTheSentencesOwnCandidates() {
        let text = "Peru condemned Chile. Norway met Fiji in Suva."
        let sentences = extractor.analyse(text: text, document: "d")
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["peru", "condemned", "chile", "."])
        #expect(sentences[0].triggers.map(\.type) == [.opposes])
        #expect(sentences[0].candidates.map(\.type) == [.opposes])
        #expect(sentences[1].candidates.allSatisfy { $0.sentence == 1 })
        #expect(sentences[1].candidates.contains { $0.type == .meets })
        let suva = sentences[1].mentions.first { $0.range.lowerBound == 4 }
        #expect(suva?.actor == "fiji" && suva?.isLocation == true)
        // the same candidates as extract() gives, sentence by sentence
        let all = extractor.extract(text: text, document: "d").candidates
        #expect(sentences.flatMap(\.candidates) == all)
    }
}
