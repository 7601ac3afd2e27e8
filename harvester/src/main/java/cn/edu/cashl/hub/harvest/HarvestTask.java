package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.oai.HarvestFault;

/** The source-type-specific part of a run: reading an OAI-PMH repository, or CALIS export files. */
interface HarvestTask {

    /**
     * Harvests into the run, checkpointing as it goes.
     *
     * @return the watermark a complete run leaves for the next one, or null to keep the old one
     * @throws HarvestFault when a fault stops the run part-way
     * @throws InterruptedException when the hub stops: the run stays resumable
     */
    String run(HarvestRun run) throws HarvestFault, InterruptedException;
}
