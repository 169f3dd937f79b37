/* Device arguments, key=value,...: parsed once, checked against the keys a
 * driver accepts, with errors that name the device and the key. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cdk_log.h"
#include "cdk_pmd.h"

#define KV_ERR(...) \
	(cdk_log(CDK_LOG_ERR, CDK_LOGTYPE_PMD, "%s: " __VA_ARGS__), -EINVAL)

static int key_allowed(const char *key, const char *const *keys)
{
	for (; keys && *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

static int add_pair(struct cdk_kvargs *kv, const char *dev, const char *s,
		    size_t len, const char *const *keys)
{
	const char *eq = memchr(s, '=', len);
	size_t klen = eq ? (size_t)(eq - s) : len;

	if (eq == NULL)
		return KV_ERR("device argument '%.*s' is not key=value", dev,
			      (int)len, s);
	if (klen == 0 || klen >= sizeof(kv->pairs[0].key))
		return KV_ERR("empty or too long key in '%.*s'", dev, (int)len, s);
	if (len - klen - 1 >= sizeof(kv->pairs[0].value))
		return KV_ERR("value too long in '%.*s'", dev, (int)len, s);
	if (kv->count == CDK_KVARGS_MAX)
		return KV_ERR("more than %d device arguments", dev, CDK_KVARGS_MAX);
	memcpy(kv->pairs[kv->count].key, s, klen);
	kv->pairs[kv->count].key[klen] = '\0';
	memcpy(kv->pairs[kv->count].value, eq + 1, len - klen - 1);
	kv->pairs[kv->count].value[len - klen - 1] = '\0';
	if (!key_allowed(kv->pairs[kv->count].key, keys))
		return KV_ERR("unknown device argument '%s'", dev,
			      kv->pairs[kv->count].key);
	kv->count++;
	return 0;
}

static int parse_all(struct cdk_kvargs *kv, const char *devname,
		     const char *args, const char *const *keys)
{
	const char *s = args;

	while (*s) {
		size_t len = strcspn(s, ",");
		int rc;

		if (len == 0)
			return KV_ERR("empty device argument in '%s'", devname, args);
		rc = add_pair(kv, devname, s, len, keys);
		if (rc < 0)
			return rc;
		s += len;
		if (*s == ',' && *++s == '\0')
			return KV_ERR("trailing ',' in '%s'", devname, args);
	}
	return 0;
}

int cdk_kvargs_parse(struct cdk_kvargs *kv, const char *devname,
		     const char *args, const char *const *keys)
{
	int rc;

	memset(kv, 0, sizeof(*kv));
	rc = parse_all(kv, devname, args ? args : "", keys);
	if (rc < 0)
		memset(kv, 0, sizeof(*kv)); /* nothing half-parsed */
	return rc;
}

const char *cdk_kvargs_get(const struct cdk_kvargs *kv, const char *key)
{
	for (unsigned i = 0; i < kv->count; i++)
		if (strcmp(kv->pairs[i].key, key) == 0)
			return kv->pairs[i].value;
	return NULL;
}

unsigned cdk_kvargs_count(const struct cdk_kvargs *kv, const char *key)
{
	unsigned n = 0;

	for (unsigned i = 0; i < kv->count; i++)
		n += strcmp(kv->pairs[i].key, key) == 0;
	return n;
}

int cdk_kvargs_get_uint(const struct cdk_kvargs *kv, const char *dev,
			const char *key, unsigned long min, unsigned long max,
			unsigned long *out)
{
	const char *v = cdk_kvargs_get(kv, key);
	char *end;

	if (v == NULL)
		return -ENOENT;
	errno = 0;
	*out = strtoul(v, &end, 0);
	if (*v == '\0' || *v == '-' || *end != '\0' || errno || *out < min ||
	    *out > max)
		return KV_ERR("%s=%s: expected a number in [%lu, %lu]", dev,
			      key, v, min, max);
	return 0;
}

int cdk_kvargs_get_bool(const struct cdk_kvargs *kv, const char *dev,
			const char *key, int *out)
{
	static const char *const yes[] = { "1", "true", "yes", "on" };
	static const char *const no[] = { "0", "false", "no", "off" };
	const char *v = cdk_kvargs_get(kv, key);

	if (v == NULL)
		return -ENOENT;
	for (size_t i = 0; i < CDK_DIM(yes); i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return *out = 1, 0;
		if (strcasecmp(v, no[i]) == 0)
			return *out = 0, 0;
	}
	return KV_ERR("%s=%s: expected 0 or 1", dev, key, v);
}
