package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import java.util.Optional;

/** The harvest scheduler, when this hub harvests (a hub started without sources does not). */
public record HarvestControl(HarvestScheduler scheduler) {

    public Optional<HarvestScheduler> get() {
        return Optional.ofNullable(scheduler);
    }
}
