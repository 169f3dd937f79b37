/*
 * Linking libpcap statically pulls in libdbus-1.a (pcap's D-Bus capture),
 * which calls two functions of libsystemd, of which Debian ships no static
 * archive. Neither is reached in the guest (no D-Bus, no socket
 * activation): these stand-ins let a program link with -static.
 */
#include <errno.h>

int sd_listen_fds(int unset_environment);
int sd_is_socket(int fd, int family, int type, int listening);

int sd_listen_fds(int unset_environment)
{
	(void)unset_environment;
	return 0; /* no sockets passed */
}

int sd_is_socket(int fd, int family, int type, int listening)
{
	(void)fd;
	(void)family;
	(void)type;
	(void)listening;
	return -ENOSYS;
}
