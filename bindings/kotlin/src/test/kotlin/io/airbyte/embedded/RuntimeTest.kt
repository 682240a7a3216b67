package io.airbyte.embedded

import java.util.Collections
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class RuntimeTest {
    private val sandbox = Sandbox.shared

    @Test
    fun `a panic is an exception, not a crash`() {
        val e = assertThrows<InternalException> { testOnlyPanic("boom") }
        assertTrue(e.message!!.contains("boom"), e.message)
        assertEquals("**********", secretMask())
    }

    @Test
    fun `the logger hook receives sdk records`() {
        val got = Collections.synchronizedList(mutableListOf<LogRecord>())
        setLogger(LogLevel.DEBUG) { got.add(it) }
        try {
            sandbox.operator().use { it.tags().list() }
        } finally {
            clearLogger()
        }
        assertTrue(got.isNotEmpty())
        assertTrue(got.all { it.target.startsWith("airbyte_embedded") })
        assertTrue(got.any { it.level == LogLevel.DEBUG && it.message.contains("integrations/templates/tags") }, got.toString())
        assertTrue(got.none { it.message.contains(sandbox.clientSecret) })
        setLogger(object : Logger {
            override fun log(record: LogRecord) = throw IllegalStateException("logger broke")
        }, LogLevel.TRACE)
        try {
            sandbox.operator().use { it.tags().list() }
        } finally {
            setLogger(JavaUtilLoggingForwarder(), LogLevel.INFO)
            clearLogger()
        }
    }

    @Test
    fun `one client serves many threads and closes`() {
        val operator = sandbox.operator()
        val names = (1..8).map { Sandbox.unique("t") }
        names.forEach { operator.tags().create(it) }
        val pool = Executors.newFixedThreadPool(4)
        val futures = names.map { name ->
            pool.submit<String> {
                check(operator.tags().list().any { it.name == name })
                operator.tags().delete(name).deletedAt
            }
        }
        futures.forEach { assertTrue(it.get(30, TimeUnit.SECONDS) != null) }
        pool.shutdown()
        operator.close()
        assertThrows<IllegalStateException> { operator.tags() }
    }
}
