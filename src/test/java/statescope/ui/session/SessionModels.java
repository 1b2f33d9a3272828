package statescope.ui.session;

import java.io.IOException;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;

/** Oracle models for session tests (checkpoints fail to load). */
final class SessionModels {

    private SessionModels() {
    }

    static ModelLibrary oracles() {
        return new ModelLibrary(null, null) {
            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) throws IOException {
                if (choice.isCheckpoint()) {
                    throw new IOException("not a checkpoint: " + choice.checkpoint().getFileName());
                }
                return FakeModels.oracle(language, 0);
            }
        };
    }
}
