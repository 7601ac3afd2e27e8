/**
 * What the hub publishes of a master record, for both of its protocols (OAI-PMH and SRU): the
 * formats with their schemas and outbound crosswalks, and the rendering that leaves a broken record
 * out instead of breaking a response.
 */
package cn.edu.cashl.hub.publish;
