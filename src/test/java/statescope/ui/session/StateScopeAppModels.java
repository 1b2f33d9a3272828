package statescope.ui.session;

import statescope.ui.StateScopeApp;

/** The app's model library, for tests in this package. */
final class StateScopeAppModels {

    private StateScopeAppModels() {
    }

    static ModelLibrary models() {
        return StateScopeApp.models();
    }
}
