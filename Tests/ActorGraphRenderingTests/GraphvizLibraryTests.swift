import ActorGraphRendering
import Testing

struct GraphvizLibraryTests {
    @Test func linksTheInstalledLibgvc() {
        // pkg-config libgvc found the library and headers: the version is a dotted number.
        let parts = GraphvizLibrary.version.split(separator: ".")
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
