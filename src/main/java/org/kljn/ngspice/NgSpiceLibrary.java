package org.kljn.ngspice;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * JNA mapping of every function that ngspice 39.3's shared library exports ({@code sharedspice.h}).
 *
 * <p>{@code NG_BOOL} is a one-byte C {@code _Bool}: it is mapped as {@code byte}, never as Java
 * {@code boolean} (which JNA would marshal as a 4-byte int). Structs are read by offset through
 * {@link NativeLayout} rather than JNA {@code Structure}s, because the data callbacks are hot
 * (one call per accepted time point or per Newton iteration) and {@code Structure} reflection
 * costs microseconds per call.
 *
 * <p>The two registration functions, {@code ngSpice_Init} and {@code ngSpice_Init_Sync}, are mapped in
 * {@link DirectBinding} instead: callbacks registered through a direct-mapped function are invoked on JNA's fast
 * path, which matters for the ones ngspice makes on every time step.
 *
 * <p>This interface is package-private in spirit: callers use {@link NgSpice}.
 */
public interface NgSpiceLibrary extends Library {

    /** {@code int SendChar(char* text, int ident, void* user)}: one line of ngspice's stdout/stderr. */
    interface SendChar extends Callback {
        int invoke(String text, int ident, Pointer user);
    }

    /** {@code int SendStat(char* status, int ident, void* user)}: progress text such as "tran: 42.3%". */
    interface SendStat extends Callback {
        int invoke(String status, int ident, Pointer user);
    }

    /** {@code int ControlledExit(int status, NG_BOOL unloadNow, NG_BOOL onQuit, int ident, void* user)}. */
    interface ControlledExit extends Callback {
        int invoke(int status, byte immediateUnload, byte exitOnQuit, int ident, Pointer user);
    }

    /** {@code int SendInitData(vecinfoall* info, int ident, void* user)}: vector names of a new plot. */
    interface SendInitData extends Callback {
        int invoke(Pointer vecInfoAll, int ident, Pointer user);
    }

    /** {@code int BGThreadRunning(NG_BOOL ended, int ident, void* user)}: the flag is true when the thread ENDS. */
    interface BGThreadRunning extends Callback {
        int invoke(byte notRunning, int ident, Pointer user);
    }

    /** {@code int SendEvtData(int node, double step, double dvalue, char* svalue, void* pvalue, int plen, int mode, int ident, void* user)}. */
    interface SendEvtData extends Callback {
        int invoke(int nodeIndex, double step, double dvalue, String svalue, Pointer pvalue, int plen,
                int mode, int ident, Pointer user);
    }

    /** {@code int SendInitEvtData(int node, int maxNode, char* name, char* type, int ident, void* user)}. */
    interface SendInitEvtData extends Callback {
        int invoke(int nodeIndex, int maxNodeIndex, String name, String type, int ident, Pointer user);
    }

    /** A null command clears ngspice's command history. */
    int ngSpice_Command(String command);

    /** Returns one static {@code vector_info} that the next call overwrites: copy at once. */
    Pointer ngGet_Vec_Info(String vecName);

    Pointer ngCM_Input_Path(String path);

    Pointer ngGet_Evt_NodeInfo(String nodeName);

    Pointer ngSpice_AllEvtNodes();

    int ngSpice_Init_Evt(SendEvtData sevtdata, SendInitEvtData sinitevtdata, Pointer userData);

    /** A null-terminated array of netlist lines, the last being ".end". */
    int ngSpice_Circ(String[] circArray);

    String ngSpice_CurPlot();

    Pointer ngSpice_AllPlots();

    Pointer ngSpice_AllVecs(String plotName);

    byte ngSpice_running();

    byte ngSpice_SetBkpt(double time);
}
