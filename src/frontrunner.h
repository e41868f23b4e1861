/*
 * frontrunner.h — settings shared across the backend modules.
 */
#ifndef FRONTRUNNER_H
#define FRONTRUNNER_H

/* frontrunner.uscc_weak: accept USCCs with a wrong check character */
extern bool fr_uscc_weak;

#endif							/* FRONTRUNNER_H */
