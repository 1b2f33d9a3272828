package statescope.ui.session;

/** The app's model library, for tests in this package. */
final class StateScopeAppModels {

    private StateScopeAppModels() {
    }

    static ModelLibrary models() {
        return statescope.ui.StateScopeApp.models();
    }
}
