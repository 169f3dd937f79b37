/* rte_event_eth_rx_adapter.h: not provided by capdk: eventdev. */
#ifndef _RTE_EVENT_ETH_RX_ADAPTER_H_
#define _RTE_EVENT_ETH_RX_ADAPTER_H_
#error "rte_event_eth_rx_adapter.h: not provided by capdk: eventdev (see doc/porting.md)"
#endif
