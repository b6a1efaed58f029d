package clinic.content.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.domain.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Consumed event ids. */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {
}
