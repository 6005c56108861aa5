/// The interactive page's template, style sheet and script (Sources/ActorGraphReport/Page/),
/// compiled into the binary by SwiftPM (`embedInCode`).
enum PageAssets {
    static let html = String(decoding: PackageResources.page_html, as: UTF8.self)
    static let css = String(decoding: PackageResources.page_css, as: UTF8.self)
    static let js = String(decoding: PackageResources.page_js, as: UTF8.self)
}
