package com.aifinops.workbench.app;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;

import java.io.InputStream;

/** The workbook a newcomer sees on first start: the 10,000-user RAG agent on GPT-5.5 and three cheaper models. */
public final class SampleWorkbook {
    public static final String RESOURCE = "/samples/rag-support-agent.afw.json";

    private SampleWorkbook() {
    }

    public static Workbook load() {
        try (InputStream in = SampleWorkbook.class.getResourceAsStream(RESOURCE)) {
            return WorkbookJson.read(in, "bundled sample " + RESOURCE);
        } catch (Exception e) {
            throw new IllegalStateException("the bundled sample workbook is broken: " + e.getMessage(), e);
        }
    }
}
