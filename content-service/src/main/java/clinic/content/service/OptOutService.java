package clinic.content.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.content.repository.OptOutRepository;
import io.quarkus.logging.Log;

/** Records opt-outs proven by a signed link. */
@ApplicationScoped
public class OptOutService {

    private final OptOutLinks links;
    private final OptOutRepository optOuts;
    private final Clock clock;

    public OptOutService(OptOutLinks links, OptOutRepository optOuts, Clock clock) {
        this.links = links;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /** False when the signature does not match; nothing is written then. */
    @Transactional
    public boolean optOut(UUID patientId, String signature) {
        if (!links.verify(patientId, signature)) {
            Log.info("Opt-out refused: bad signature");
            return false;
        }
        optOuts.record(patientId, clock.instant());
        Log.info("A patient opted out of non-essential messages");
        return true;
    }
}
