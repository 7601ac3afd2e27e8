package cn.edu.cashl.hub.admin.common;

import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import java.util.Optional;

/**
 * The harvest scheduler, once the hub has started it (a hub started without sources never does). The
 * admin is built before the scheduler starts, because the sources it saved must be known first.
 */
public final class HarvestControl {

    private volatile HarvestScheduler scheduler;

    public Optional<HarvestScheduler> get() {
        return Optional.ofNullable(scheduler);
    }

    public void set(HarvestScheduler value) {
        this.scheduler = value;
    }
}
